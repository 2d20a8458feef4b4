package org.empathyivr.domain.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data a caller says or keys out of text that is stored, sent or shown: card numbers, card security
 * codes, national ID numbers and e-mail addresses become readable markers ({@link #CARD_NUMBER}, ...), everything
 * else stays as it was, spacing included.
 *
 * <ul>
 *   <li><b>Card numbers</b>: a run of 13 to 19 digits (spoken one by one, written, or keyed) that passes the Luhn
 *       check, or a longer run that starts or ends with such digits (a card and its expiry date); or, after the word "card", any run of 12 or more digits (a card misheard by one digit fails Luhn but
 *       is still a card).
 *   <li><b>Security codes</b>: a run of 3 or more digits within a few words after "security code", "CVV", "c v v",
 *       "CVC", "CV2" or "verification code".
 *   <li><b>National IDs</b>: a written US social security number ({@code 123-45-6789}) anywhere; nine digits in any
 *       form within a few words after "social security", "social" or "SSN".
 *   <li><b>E-mail addresses</b>: written ones; spoken ones ("maria dot lopez at gmail dot com") when the part before
 *       "at" has a dot, underscore or dash in it, the domain is a mail provider, or "email"/"address" was said just
 *       before.
 * </ul>
 *
 * <p>Kept on purpose: phone numbers (10 or 11 digits are never a card, and the agent may need to call back), amounts
 * and ordinals ("forty five dollars", "third time": not digit by digit), order numbers of fewer than 13 digits,
 * websites ("looking at amazon dot com"). Stateless and thread-safe.
 */
public final class Redactor {
  public static final String CARD_NUMBER = "[card number]";
  public static final String SECURITY_CODE = "[security code]";
  public static final String NATIONAL_ID = "[national id]";
  public static final String EMAIL_ADDRESS = "[email address]";

  private static final int MIN_CARD_DIGITS = 13;
  private static final int MAX_CARD_DIGITS = 19;
  private static final int MIN_CARD_DIGITS_AFTER_CUE = 12;
  private static final int MIN_SECURITY_CODE_DIGITS = 3;
  private static final int NATIONAL_ID_DIGITS = 9;

  private static final Pattern CARD_CUE = Pattern.compile("\\b(?:card|visa|mastercard|amex)\\b");
  private static final Pattern SECURITY_CODE_CUE =
      Pattern.compile("\\b(?:security code|cvv2?|c v v|cvc|c v c|cv2|c v two|verification (?:code|number))\\b");
  private static final Pattern NATIONAL_ID_CUE = Pattern.compile("\\b(?:social security|social|ssn|s s n)\\b");
  private static final Pattern WRITTEN_EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");
  private static final String SPOKEN_WORD = "[a-z0-9]+";
  private static final Pattern SPOKEN_EMAIL =
      Pattern.compile(
          "(?i)\\b(" + SPOKEN_WORD + "((?:\\s+(?:dot|underscore|dash|hyphen|plus)\\s+" + SPOKEN_WORD + ")*))"
              + "\\s+(?:at|@)\\s+(" + SPOKEN_WORD + ")(?:\\s+dot\\s+" + SPOKEN_WORD + ")+\\b"
              // "email me at maria dot lopez at gmail dot com": the address is the part with the last "at".
              + "(?!\\s+(?:at|@|dot)\\s)");
  private static final Pattern MAIL_PROVIDER =
      Pattern.compile("(?i)g ?mail|yahoo|hotmail|outlook|icloud|aol|proton(?:mail)?|live|msn|comcast|verizon|att"
          + "|ymail|mail|gmx|yandex|zoho|fastmail");
  private static final Pattern EMAIL_CUE = Pattern.compile("(?i)\\b(?:e-?mail|e mail|address)\\b[^.]{0,30}$");

  private Redactor() {}

  /** {@code text} with the personal data in it replaced by markers. */
  public static String redact(String text) {
    if (text == null) throw new NullPointerException("text == null");
    String noEmails = emails(text);
    StringBuilder out = new StringBuilder();
    int copied = 0;
    for (DigitRun run : DigitRun.in(noEmails)) {
      String marker = markerFor(run);
      if (marker == null) continue;
      out.append(noEmails, copied, run.start()).append(marker);
      copied = run.end();
    }
    return out.append(noEmails, copied, noEmails.length()).toString();
  }

  /**
   * Lines of one call in order, each redacted; a run of keyed digits ({@code [key 4]}, one line per key, as a
   * transcript records them) is judged as one number, with the line before it as context, and every one of its lines
   * becomes the marker.
   */
  public static List<String> redactLines(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    int i = 0;
    while (i < lines.size()) {
      int j = i;
      while (j < lines.size() && lines.get(j).matches("\\[key [0-9]\\]")) j++;
      if (j - i < 2) {
        out.add(redact(lines.get(i)));
        i++;
        continue;
      }
      String context = i > 0 ? lines.get(i - 1) : "";
      String keyed = String.join(" ", lines.subList(i, j));
      String judged = redact(context + " " + keyed);
      String marker = judged.endsWith(keyed) ? null : judged.substring(judged.lastIndexOf('['));
      for (int k = i; k < j; k++) out.add(marker == null ? lines.get(k) : marker);
      i = j;
    }
    return out;
  }

  private static String markerFor(DigitRun run) {
    String digits = run.digits();
    if (hasLuhnCard(digits)) return CARD_NUMBER;
    if (run.writtenAsNationalId()) return NATIONAL_ID;
    if (SECURITY_CODE_CUE.matcher(run.before()).find() && digits.length() >= MIN_SECURITY_CODE_DIGITS) {
      return SECURITY_CODE;
    }
    if (NATIONAL_ID_CUE.matcher(run.before()).find() && digits.length() == NATIONAL_ID_DIGITS) return NATIONAL_ID;
    if (CARD_CUE.matcher(run.before()).find() && digits.length() >= MIN_CARD_DIGITS_AFTER_CUE) return CARD_NUMBER;
    return null;
  }

  /**
   * Whether the run is 13 to 19 digits that pass the Luhn check; a longer run (an expiry date said after the number, a
   * stray "one" before it) when some of its first or last 13 to 19 digits do. Only longer runs are cut, since every cut
   * tried is another one-in-ten chance of taking an order number for a card.
   */
  static boolean hasLuhnCard(String digits) {
    int n = digits.length();
    if (n <= MAX_CARD_DIGITS) return n >= MIN_CARD_DIGITS && luhn(digits, 0, n);
    for (int length = MAX_CARD_DIGITS; length >= MIN_CARD_DIGITS; length--) {
      if (luhn(digits, 0, length) || luhn(digits, n - length, n)) return true;
    }
    return false;
  }

  static boolean luhn(String digits, int from, int to) {
    int sum = 0;
    boolean twice = false;
    for (int i = to - 1; i >= from; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private static String emails(String text) {
    String written = WRITTEN_EMAIL.matcher(text).replaceAll(EMAIL_ADDRESS);
    Matcher m = SPOKEN_EMAIL.matcher(written);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      boolean compoundLocalPart = !m.group(2).isEmpty();
      boolean provider = MAIL_PROVIDER.matcher(m.group(3)).matches();
      boolean cue = EMAIL_CUE.matcher(written.substring(0, m.start())).find();
      m.appendReplacement(out, compoundLocalPart || provider || cue ? Matcher.quoteReplacement(EMAIL_ADDRESS)
          : Matcher.quoteReplacement(m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
