package org.empathyivr.domain.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run of spoken number words in a transcript as a speech recognizer writes it: lower-case words, no punctuation,
 * numbers grouped any way ("four thousand one hundred eleven", "forty one eleven", "seven seven three oh two"), with a
 * few misheard words inside ("four thousand and one hundred the lamb and one thousand ..."). Its place in the text is
 * {@code start} to {@code end} (characters); {@code words} is how many number words it has, {@code digits} the digits
 * it reads as, {@code before} the few words before it (markers left out), where a cue such as "card" would be.
 *
 * <p>What a run is:
 *
 * <ul>
 *   <li>A <b>number word</b> is zero, oh, o, one to nineteen, twenty to ninety (also hyphenated: "twenty-one" is two),
 *       hundred, thousand, million, billion, "double"/"triple" before a digit, a keyed digit ({@code [key 4]}), or a
 *       written digit (each digit of "4111" is one number word). Written dates and amounts ("2024-05-01",
 *       "12/05/2024", "45.50") are not.
 *   <li>A run starts and ends with a number word: the words around it are never part of it.
 *   <li>"and" after a non-digit ("two thousand and twenty four", "the lamb and one") and "dash"/"hyphen" join without
 *       counting; "and" right after a digit ("nine and it was down") ends the run.
 *   <li>Other words inside are taken as misheard: at most {@value #MAX_MISHEARD_IN_A_ROW} in a row, and at most one
 *       for every two number words so far. A third word in a row, or one too many, ends the run at its last number
 *       word.
 *   <li>These words always end a run: "or", markers ({@code [email address]}), and words that start another thing
 *       (card, account, security, code, pin, expires, phone, dollars, cents, percent, times, days, weeks, ...).
 * </ul>
 */
record NumberWordRun(int start, int end, int words, String digits, String before) {
  static final int MAX_MISHEARD_IN_A_ROW = 2;
  /** How many words before a run are kept as its context ("my credit card number is"). */
  private static final int CONTEXT_WORDS = 6;

  private static final Pattern TOKEN = Pattern.compile("\\[[^\\[\\]\\n]{1,30}\\]|\\S+");
  private static final Pattern KEY = Pattern.compile("\\[key ([0-9])\\]");
  private static final Pattern WRITTEN = Pattern.compile("[0-9]+(?:[-./][0-9]+)*");
  private static final Pattern DATE_OR_AMOUNT =
      Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}|[0-9]{1,2}[/.][0-9]{1,2}[/.][0-9]{2,4}|[0-9]+\\.[0-9]{2}");
  private static final Pattern BARE_EDGES = Pattern.compile("^[(\"'#]+|[)\"',.;:!?]+$");

  private static final Map<String, Integer> UNITS =
      Map.ofEntries(
          Map.entry("zero", 0), Map.entry("oh", 0), Map.entry("o", 0), Map.entry("one", 1), Map.entry("two", 2),
          Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
          Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9));
  private static final Map<String, Integer> TEENS =
      Map.of("ten", 10, "eleven", 11, "twelve", 12, "thirteen", 13, "fourteen", 14, "fifteen", 15, "sixteen", 16,
          "seventeen", 17, "eighteen", 18, "nineteen", 19);
  private static final Map<String, Integer> TENS =
      Map.of("twenty", 20, "thirty", 30, "forty", 40, "fourty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
          "eighty", 80, "ninety", 90);
  private static final Map<String, Long> MAGNITUDES =
      Map.of("thousand", 1_000L, "million", 1_000_000L, "billion", 1_000_000_000L);
  private static final Map<String, Integer> REPEATS = Map.of("double", 2, "triple", 3);
  private static final Set<String> JOINERS = Set.of("and", "dash", "hyphen");
  private static final Set<String> BREAKERS =
      Set.of("or", "card", "credit", "debit", "account", "security", "code", "cvv", "cvc", "pin", "social", "ssn",
          "expires", "expiring", "expiry", "expiration", "exp", "phone", "extension", "ext", "dollars", "dollar",
          "bucks", "cents", "pounds", "euros", "percent", "times", "minutes", "hours", "days", "weeks", "months",
          "years", "o'clock");

  private enum Kind { NUMBER, JOINER, BREAKER, OTHER }

  /** Every run of number words in {@code text}, in order; a single number word is a run of one. */
  static List<NumberWordRun> in(String text) {
    List<int[]> spans = new ArrayList<>();
    List<String> words = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
      words.add(m.group().startsWith("[") ? m.group() : bare(m.group()).toLowerCase());
    }
    int n = words.size();
    Kind[] kinds = new Kind[n];
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] = numberWords(words, i);
      kinds[i] = kind(words, i, counts[i]);
    }
    List<NumberWordRun> runs = new ArrayList<>();
    int i = 0;
    while (i < n) {
      if (kinds[i] != Kind.NUMBER) {
        i++;
        continue;
      }
      int first = i;
      int last = i;
      int numberWords = counts[i];
      int misheard = 0;
      int inARow = 0;
      for (int j = i + 1; j < n; j++) {
        if (kinds[j] == Kind.NUMBER) {
          if (inARow > 0 && 2 * (misheard + inARow) > numberWords + counts[j]) break;
          misheard += inARow;
          inARow = 0;
          numberWords += counts[j];
          last = j;
        } else if (kinds[j] == Kind.OTHER) {
          if (++inARow > MAX_MISHEARD_IN_A_ROW) break;
        } else if (kinds[j] == Kind.BREAKER) {
          break;
        }
      }
      runs.add(new NumberWordRun(spans.get(first)[0], end(text, spans.get(last)), numberWords,
          digits(words, first, last), before(words, first)));
      i = last + 1;
    }
    return runs;
  }

  /** How many number words token {@code i} is (0 when it is none). */
  private static int numberWords(List<String> words, int i) {
    String word = words.get(i);
    if (word.startsWith("[")) return KEY.matcher(word).matches() ? 1 : 0;
    if (WRITTEN.matcher(word).matches()) {
      return DATE_OR_AMOUNT.matcher(word).matches() ? 0 : word.replaceAll("[^0-9]", "").length();
    }
    if (REPEATS.containsKey(word)) return i + 1 < words.size() && UNITS.containsKey(words.get(i + 1)) ? 1 : 0;
    int parts = 0;
    for (String part : word.split("-", -1)) {
      if (!isNumberWord(part)) return 0;
      parts++;
    }
    return parts;
  }

  private static boolean isNumberWord(String word) {
    return UNITS.containsKey(word) || TEENS.containsKey(word) || TENS.containsKey(word) || word.equals("hundred")
        || MAGNITUDES.containsKey(word);
  }

  private static Kind kind(List<String> words, int i, int numberWords) {
    if (numberWords > 0) return Kind.NUMBER;
    String word = words.get(i);
    if (word.startsWith("[") || BREAKERS.contains(word)) return Kind.BREAKER;
    if (WRITTEN.matcher(word).matches()) return Kind.BREAKER; // a date or an amount
    if (word.equals("and") && i > 0 && isDigit(words.get(i - 1))) return Kind.BREAKER;
    return JOINERS.contains(word) ? Kind.JOINER : Kind.OTHER;
  }

  /** Whether the word is a digit said or written one by one, after which "and" is no part of a grouped number. */
  private static boolean isDigit(String word) {
    return UNITS.containsKey(word) || KEY.matcher(word).matches()
        || (WRITTEN.matcher(word).matches() && !DATE_OR_AMOUNT.matcher(word).matches());
  }

  /** The digits tokens {@code first} to {@code last} read as; a misheard word ends a group. */
  private static String digits(List<String> words, int first, int last) {
    Reader reader = new Reader();
    for (int i = first; i <= last; i++) {
      String word = words.get(i);
      Matcher key = KEY.matcher(word);
      if (key.matches()) {
        reader.written(key.group(1));
      } else if (WRITTEN.matcher(word).matches() && !DATE_OR_AMOUNT.matcher(word).matches()) {
        reader.written(word.replaceAll("[^0-9]", ""));
      } else if (REPEATS.containsKey(word) && numberWords(words, i) > 0) {
        reader.repeat(REPEATS.get(word));
      } else if (word.equals("and")) {
        // "two thousand and twenty four": the group goes on.
      } else if (numberWords(words, i) > 0) {
        for (String part : word.split("-")) reader.word(part);
      } else {
        reader.close();
      }
    }
    reader.close();
    return reader.digits.toString();
  }

  /** The words before token {@code first}, lower-case, markers left out. */
  private static String before(List<String> words, int first) {
    StringBuilder out = new StringBuilder();
    for (int i = Math.max(0, first - CONTEXT_WORDS); i < first; i++) {
      if (words.get(i).startsWith("[")) continue;
      if (out.length() > 0) out.append(' ');
      out.append(words.get(i));
    }
    return out.toString();
  }

  /**
   * Reads grouped number words as digits the way they are said: "four thousand one hundred eleven" is 4111, "forty
   * one eleven" is 4111, "seven oh two" is 702, "double five" is 55. A word that cannot go on the number being said
   * starts the next one ("one" after "eleven").
   */
  private static final class Reader {
    private enum Last { NONE, UNIT, TEEN, TENS, TENS_UNIT, HUNDRED, MAGNITUDE }

    final StringBuilder digits = new StringBuilder();
    private long big;
    private long small;
    private Last last = Last.NONE;
    private int repeat = 1;

    void close() {
      if (last != Last.NONE) digits.append(big + small);
      big = 0;
      small = 0;
      last = Last.NONE;
    }

    void written(String d) {
      close();
      repeat = 1;
      digits.append(d);
    }

    void repeat(int times) {
      close();
      repeat = times;
    }

    void word(String word) {
      int times = repeat;
      repeat = 1;
      Integer unit = UNITS.get(word);
      if (unit != null) {
        if (times > 1 || unit == 0) {
          close();
          digits.append(String.valueOf(unit).repeat(times));
        } else if (last == Last.TENS) {
          small += unit;
          last = Last.TENS_UNIT;
        } else {
          if (last != Last.HUNDRED && last != Last.MAGNITUDE) close();
          small += unit;
          last = Last.UNIT;
        }
        return;
      }
      Integer teen = TEENS.get(word);
      Integer tens = TENS.get(word);
      if (teen != null || tens != null) {
        if (last != Last.HUNDRED && last != Last.MAGNITUDE) close();
        small += teen != null ? teen : tens;
        last = teen != null ? Last.TEEN : Last.TENS;
        return;
      }
      if (word.equals("hundred")) {
        boolean goesOn = (last == Last.UNIT || last == Last.TEEN || last == Last.TENS || last == Last.TENS_UNIT)
            && small < 100;
        if (!goesOn) {
          close();
          small = 1;
        }
        small *= 100;
        last = Last.HUNDRED;
        return;
      }
      long magnitude = MAGNITUDES.get(word);
      if (last != Last.NONE && last != Last.MAGNITUDE && small > 0 && big % (magnitude * 1000) == 0) {
        big += small * magnitude;
      } else {
        close();
        big = magnitude;
      }
      small = 0;
      last = Last.MAGNITUDE;
    }
  }

  /** The token without the punctuation a transcript or a typist puts around it. */
  static String bare(String token) {
    return BARE_EDGES.matcher(token).replaceAll("");
  }

  /** Where the run ends: after its last token, less the trailing punctuation that belongs to the sentence. */
  private static int end(String text, int[] span) {
    int end = span[1];
    while (end > span[0] + 1 && ",.;:!?)\"'".indexOf(text.charAt(end - 1)) >= 0) end--;
    return end;
  }
}
