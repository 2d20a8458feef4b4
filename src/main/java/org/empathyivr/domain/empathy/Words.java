package org.empathyivr.domain.empathy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The word classes reflection needs, for recognizer text: lower case, no punctuation, numbers as words. */
final class Words {
  static final Set<String> NUMBERS =
      Set.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
          "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million",
          "half", "once", "twice", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
          "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "twentieth",
          "thirtieth", "double", "triple");
  /** Dates, times, amounts and units: facts an agent needs, never dropped from a kept clause. */
  static final Set<String> FACT_WORDS =
      Set.of("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
          "today", "yesterday", "tonight", "tomorrow", "morning", "afternoon", "evening", "night", "week", "weeks",
          "month", "months", "year", "years", "day", "days", "hour", "hours", "minutes", "weekend", "dollars",
          "dollar", "pounds", "euros", "cents", "percent", "o'clock", "time", "times", "again", "every", "since",
          "ago", "last");
  /** Words of a problem: what a clause worth reflecting is about. */
  static final Set<String> PROBLEM_WORDS =
      Set.of("not", "no", "never", "nothing", "nobody", "broken", "broke", "stopped", "stop", "keeps", "keep",
          "kept", "dropping", "drops", "dropped", "down", "slow", "wrong", "charged", "overcharged", "charge",
          "charges", "double", "twice", "missing", "lost", "late", "error", "fails", "failed", "failing", "problem",
          "problems", "issue", "issues", "trouble", "cancel", "cancelled", "canceled", "refund", "refunded", "help",
          "dead", "locked", "disconnected", "cut", "off", "waiting", "waited", "hasn't", "haven't", "didn't",
          "doesn't", "don't", "can't", "cannot", "won't", "isn't", "wasn't", "aren't", "couldn't", "still", "high",
          "higher", "damaged", "arrived", "outage", "frozen", "freezes", "crashing", "crashes", "blinking",
          "flashing", "hacked", "bill", "billed", "fee", "paid", "payment", "delivered", "connect", "working",
          "work", "works", "reset", "change", "move", "moving", "why", "how", "when", "where", "what", "back",
          "promised", "supposed", "need", "want", "worst", "terrible", "awful", "rubbish", "useless", "stolen",
          "cracked");
  /** Nouns that continue a noun phrase ("my phone bill", "the new router"). */
  static final Set<String> NOUNS =
      Set.of("bill", "bills", "internet", "connection", "phone", "line", "service", "account", "router", "modem",
          "email", "emails", "tv", "television", "box", "order", "package", "parcel", "payment", "payments", "card",
          "app", "password", "speed", "speeds", "signal", "wifi", "data", "plan", "contract", "subscription",
          "refund", "delivery", "statement", "charge", "charges", "fee", "fees", "invoice", "number", "address",
          "cable", "broadband", "mobile", "cell", "device", "engineer", "technician", "appointment", "calls",
          "message", "messages", "network", "remote", "website", "login", "screen", "sim", "balance", "credit",
          "price", "bundle", "upgrade", "outage", "channel", "channels", "voicemail", "landline", "fibre", "fiber",
          "laptop", "computer", "printer", "debit", "direct", "company", "people", "guys", "team", "provider",
          "light", "lights", "setup", "installation", "ticket", "complaint", "bank", "hotspot", "stream",
          "streaming", "coverage", "reception", "port", "ports", "cord", "charger", "battery", "handset");
  /** Words that start a clause of their own: a subject, or an "it's", "there's". */
  static final Set<String> SUBJECTS =
      Set.of("i", "i'm", "i've", "i'd", "i'll", "you", "you're", "you've", "we", "we're", "we've", "it", "it's",
          "they", "they're", "they've", "he", "she", "he's", "she's", "there", "there's", "this", "that", "that's",
          "my", "our", "the", "your", "nobody", "nothing", "someone", "somebody", "everything", "no", "now");

  private Words() {}

  static List<String> of(String text) {
    String cleaned = text.toLowerCase().replaceAll("[^a-z0-9' ]+", " ").strip();
    if (cleaned.isEmpty()) return List.of();
    return Arrays.stream(cleaned.split("\\s+")).map(w -> w.replaceAll("^'+|'+$", "")).filter(w -> !w.isEmpty())
        .toList();
  }

  static boolean isFact(String word) {
    return NUMBERS.contains(word) || FACT_WORDS.contains(word) || word.matches(".*[0-9].*")
        || word.endsWith("ty") && NUMBERS.contains(word) || word.endsWith("teen");
  }

  static boolean isProblem(String word) {
    return PROBLEM_WORDS.contains(word) || word.endsWith("n't");
  }

  static boolean startsWith(List<String> words, List<String> prefix) {
    return words.size() >= prefix.size() && words.subList(0, prefix.size()).equals(prefix);
  }

  static List<List<String>> phrases(String... phrases) {
    return Arrays.stream(phrases).map(p -> List.of(p.split(" "))).toList();
  }
}
