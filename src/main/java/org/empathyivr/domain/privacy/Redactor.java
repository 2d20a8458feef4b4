package org.empathyivr.domain.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data a caller says or keys out of text that is stored, sent, shown or said back: card numbers, card
 * security codes, national ID numbers, account-like numbers and e-mail addresses become readable markers
 * ({@link #CARD_NUMBER}, ...), everything else stays as it was, spacing included.
 *
 * <ul>
 *   <li><b>Card numbers</b>: a run of 13 to 19 digits (spoken one by one, spoken in groups, written, or keyed) that
 *       passes the Luhn check, or a longer run that starts or ends with such digits (a card and its expiry date); or,
 *       after the word "card", any run of 12 or more digits (a card misheard by one digit fails Luhn but is still a
 *       card).
 *   <li><b>Security codes</b>: a run of 3 or more digits within a few words after "security code", "CVV", "c v v",
 *       "CVC", "CV2" or "verification code".
 *   <li><b>National IDs</b>: a written US social security number ({@code 123-45-6789}) anywhere; nine digits in any
 *       form ("one twenty three forty five ...") within a few words after "social security", "social" or "SSN".
 *   <li><b>Spoken numbers</b> (how a recognizer writes them: "four thousand one hundred eleven", "seven seven three oh
 *       two"): a run of number words (zero/oh, one to ninety, hundred, thousand, million, "double", written and keyed
 *       digits), which may hold a few misheard words (at most 2 in a row, at most one for every two number words; the
 *       words after the last number word are never taken), becomes
 *       <ul>
 *         <li>{@link #CARD_NUMBER} when it is of account length (at least 5 number words that read as at least 6
 *             digits) and the nearest cue in the 6 words before it is card, credit, debit, visa, mastercard or amex;
 *         <li>{@link #NATIONAL_ID} when it reads as exactly 9 digits after social security, social or SSN;
 *         <li>{@link #NUMBER} when it is of account length after social security/SSN (other than 9 digits), account,
 *             member, policy, PIN, passcode, password, routing, IBAN, passport, license, medicare, medicaid, tax id
 *             or customer number/id;
 *         <li>{@link #NUMBER} (or {@link #CARD_NUMBER} after a card cue) when it has 12 or more number words, cue or
 *             not: no short answer is that long.
 *       </ul>
 *       Account length is counted in number words and in digits together so that amounts stay: "two thousand four
 *       hundred fifty six dollars" is 6 words but 4 digits, "two hundred fifty thousand" is 6 digits but 4 words,
 *       while "twelve thirty four fifty six" (5 words, 6 digits) is a member number. The nearest cue decides, and
 *       phone, call, order, ticket, case, reference, confirmation and expiry words are cues to keep: "my account
 *       phone number is five five five ..." stays.
 *   <li><b>E-mail addresses</b>: written ones; spoken ones ("maria dot lopez at gmail dot com") when the part before
 *       "at" has a dot, underscore or dash in it, the domain is a mail provider, or "email"/"address" was said just
 *       before.
 * </ul>
 *
 * <p>Kept on purpose: phone numbers without a card or account cue (10 or 11 digits are never a card nor 12 words, and
 * the agent may need to call back), amounts, dates, times and ordinals ("forty five dollars", "two thousand and
 * twenty four", "third time"), numbers of 4 digits even after a cue ("my pin is one two three four", the last four of
 * a card), order numbers of fewer than 12 digits, websites ("looking at amazon dot com"). When two rules take the same
 * words the most specific marker wins: card number, national id, security code, number. Linear in the length of the
 * text; stateless and thread-safe.
 */
public final class Redactor {
  public static final String CARD_NUMBER = "[card number]";
  public static final String SECURITY_CODE = "[security code]";
  public static final String NATIONAL_ID = "[national id]";
  public static final String EMAIL_ADDRESS = "[email address]";
  public static final String NUMBER = "[number]";
  /** When two markers claim the same words, the first of these wins. */
  private static final List<String> MARKER_STRENGTH = List.of(CARD_NUMBER, NATIONAL_ID, SECURITY_CODE, NUMBER);

  private static final int MIN_CARD_DIGITS = 13;
  private static final int MAX_CARD_DIGITS = 19;
  private static final int MIN_CARD_DIGITS_AFTER_CUE = 12;
  private static final int MIN_SECURITY_CODE_DIGITS = 3;
  private static final int NATIONAL_ID_DIGITS = 9;
  private static final int MIN_NUMBER_WORDS_AFTER_CUE = 5;
  private static final int MIN_DIGITS_AFTER_CUE = 6;
  private static final int MIN_NUMBER_WORDS_WITHOUT_CUE = 12;

  private static final Pattern CARD_CUE = Pattern.compile("\\b(?:card|visa|mastercard|amex)\\b");
  private static final Pattern SECURITY_CODE_CUE =
      Pattern.compile("\\b(?:security code|cvv2?|c v v|cvc|c v c|cv2|c v two|verification (?:code|number))\\b");
  private static final Pattern NATIONAL_ID_CUE = Pattern.compile("\\b(?:social security|social|ssn|s s n)\\b");
  /** Cues before a run of number words; the one nearest the run decides ("my account phone number is": a phone). */
  private static final Pattern NUMBER_CUE =
      Pattern.compile(
          "\\b(?:(?<card>credit|debit|cards?|visa|master ?card|amex|american express)"
              + "|(?<id>social security|social|ssn|s s n)"
              + "|(?<number>account|acct|member|membership|policy|pin|p i n|passcode|password|routing|iban|passport"
              + "|licen[cs]e|medicare|medicaid|tax id|customer (?:number|id))"
              + "|(?<keep>phone|telephone|cell|mobile|call|callback|reach|order|tracking|ticket|case|reference"
              + "|confirmation|extension|expires|expiry|expiration|exp))\\b");
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
    List<Span> spans = new ArrayList<>();
    for (DigitRun run : DigitRun.in(noEmails)) {
      String marker = markerFor(run);
      if (marker != null) spans.add(new Span(run.start(), run.end(), marker));
    }
    for (NumberWordRun run : NumberWordRun.in(noEmails)) {
      String marker = markerFor(run);
      if (marker != null) spans.add(new Span(run.start(), run.end(), marker));
    }
    spans.sort(Comparator.comparingInt(Span::start));
    StringBuilder out = new StringBuilder();
    int copied = 0;
    int i = 0;
    while (i < spans.size()) {
      Span span = spans.get(i++);
      int end = span.end();
      String marker = span.marker();
      // A digit run inside a number-word run (or the same run seen both ways): one marker, the most specific one.
      while (i < spans.size() && spans.get(i).start() < end) {
        end = Math.max(end, spans.get(i).end());
        marker = stronger(marker, spans.get(i++).marker());
      }
      out.append(noEmails, copied, span.start()).append(marker);
      copied = end;
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

  /** The marker for a run of spoken number words, or null when it stays; see the class comment. */
  private static String markerFor(NumberWordRun run) {
    String digits = run.digits();
    if (hasLuhnCard(digits)) return CARD_NUMBER;
    String cue = nearestCue(run.before());
    boolean accountLength = run.words() >= MIN_NUMBER_WORDS_AFTER_CUE && digits.length() >= MIN_DIGITS_AFTER_CUE;
    if (cue.equals("id") && digits.length() == NATIONAL_ID_DIGITS) return NATIONAL_ID;
    if (accountLength && cue.equals("card")) return CARD_NUMBER;
    if (accountLength && (cue.equals("id") || cue.equals("number"))) return NUMBER;
    if (run.words() >= MIN_NUMBER_WORDS_WITHOUT_CUE) return cue.equals("card") ? CARD_NUMBER : NUMBER;
    return null;
  }

  /** The kind of the cue nearest before a run ("card", "id", "number", "keep"), or "" when there is none. */
  private static String nearestCue(String before) {
    Matcher m = NUMBER_CUE.matcher(before);
    String cue = "";
    while (m.find()) {
      cue = m.group("card") != null ? "card" : m.group("id") != null ? "id" : m.group("number") != null ? "number"
          : "keep";
    }
    return cue;
  }

  private static String stronger(String a, String b) {
    return MARKER_STRENGTH.indexOf(a) <= MARKER_STRENGTH.indexOf(b) ? a : b;
  }

  private record Span(int start, int end, String marker) {}

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
