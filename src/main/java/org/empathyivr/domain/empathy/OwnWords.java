package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.empathyivr.domain.empathy.Clauses.Clause;

/**
 * Rewords a reflection that repeats the caller's words for too long, so that the caller hears their issue in the
 * assistant's own words rather than read back. Each step is tried in turn, only on the clauses inside a long copied
 * run ({@link CopiedRun}), until no run is longer than {@value #MAX_COPIED_WORDS} words. Every step keeps every word
 * that carries a fact (amount, date, name, device): it drops words that say nothing, chooses another joining word,
 * or moves a phrase.
 */
final class OwnWords {
  /** A reflection repeats at most this many of the caller's words in a row. */
  static final int MAX_COPIED_WORDS = 10;

  private static final Set<String> NOMINATIVES = Set.of("you", "we", "he", "she", "they", "it", "there");
  /** "about this" at the end of a clause points back at the call itself and adds nothing. */
  private static final Set<String> EMPTY_PHRASE_STARTS = Set.of("about", "before", "regarding");
  private static final Set<String> EMPTY_PHRASE_ENDS = Set.of("this", "that", "it");
  /** "saying" after these is the caller speaking ("you keep saying"), not a message ("a text saying"). */
  private static final Set<String> SPEAKERS =
      Set.of("keep", "keeps", "kept", "was", "were", "is", "are", "be", "been", "you're", "we're", "they're",
          "he's", "she's", "you", "we", "they", "he", "she", "stop", "stopped", "start", "started", "just", "still",
          "always", "not", "without", "by");
  /** "they said it's fixed" → "you were told it's fixed": the caller hears what they were told, not who said it. */
  private static final Set<String> REPORTED = Set.of("say", "said", "told");
  private static final Set<String> UNITS = Set.of("dollars", "pounds", "euros", "cents", "percent");
  private static final Set<String> VOWEL_NUMBERS = Set.of("eight", "eighteen", "eighty", "eleven");
  private static final int PREDICATE_WORDS = 4;
  /** Last of all, a plainer word for a verb a caller uses to say what went wrong. */
  private static final Map<String, String> SYNONYMS =
      Map.of("charged", "billed", "received", "got", "purchased", "bought", "contacted", "called", "informed", "told",
          "repaired", "fixed");
  private static final Set<String> NEGATIONS = Set.of("never", "not", "no", "nobody", "nothing", "none", "cannot");
  private static final Set<String> WANTS = Set.of("need", "needs", "want", "wants");
  /** What goes wrong: after a clause where nothing did, such a clause is joined with "but". */
  private static final Set<String> TROUBLE =
      Set.of("stopped", "broke", "broken", "cracked", "damaged", "worst", "failed", "died", "dead", "crashed",
          "stolen", "lost", "wrong", "overcharged", "disconnected", "frozen", "missing");

  private static final List<BiFunction<List<Clause>, Integer, Clause>> STEPS =
      List.of(OwnWords::tidy, OwnWords::rejoin, TimePhrases::move, OwnWords::amountFirst, OwnWords::yet,
          OwnWords::synonyms);

  private OwnWords() {}

  /** {@code parts} (a joining word and a clause each) reworded until they copy no long run of {@code caller}. */
  static List<Clause> rephrase(List<String> caller, List<Clause> parts) {
    List<Clause> out = new ArrayList<>(parts);
    for (BiFunction<List<Clause>, Integer, Clause> step : STEPS) {
      for (int i = 0; i < out.size(); i++) {
        if (inLongRun(caller, out, i)) out.set(i, step.apply(out, i));
      }
    }
    return out;
  }

  /** Whether part {@code at} (with its joining word) holds a word of a run too long. */
  private static boolean inLongRun(List<String> caller, List<Clause> parts, int at) {
    boolean[] copied = CopiedRun.within(caller, flatten(parts), MAX_COPIED_WORDS);
    int start = 0;
    for (int i = 0; i < at; i++) start += (i == 0 ? 0 : 1) + parts.get(i).words().size();
    int end = start + (at == 0 ? 0 : 1) + parts.get(at).words().size();
    for (int k = start; k < end; k++) if (copied[k]) return true;
    return false;
  }

  /** The words said: each clause after its joining word (the first clause's is not said). */
  static List<String> flatten(List<Clause> parts) {
    List<String> out = new ArrayList<>();
    for (Clause part : parts) {
      if (!out.isEmpty()) out.add(part.joiner());
      out.addAll(part.words());
    }
    return out;
  }

  /** Drops what adds nothing ("that" before a subject, "about this") and rewords a message "saying" and a lead. */
  private static Clause tidy(List<Clause> parts, int at) {
    List<String> w = parts.get(at).words();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < w.size(); i++) {
      String word = w.get(i);
      String next = i + 1 < w.size() ? w.get(i + 1) : "";
      if (word.equals("that") && i > 0 && NOMINATIVES.contains(next)) continue;
      if (EMPTY_PHRASE_STARTS.contains(word) && EMPTY_PHRASE_ENDS.contains(next) && i + 2 == w.size() && i >= 2) break;
      if (word.equals("saying") && i > 0 && !SPEAKERS.contains(w.get(i - 1))) {
        out.addAll(List.of("telling", "you"));
        continue;
      }
      if (word.equals("by") && i > 0 && Set.of("up", "down").contains(w.get(i - 1)) && Words.isFact(next)) continue;
      if (word.equals("they") && REPORTED.contains(next)) {
        out.addAll(List.of(next.equals("say") ? "you're" : "you were", "told"));
        i += next.equals("told") && i + 2 < w.size() && w.get(i + 2).equals("you") ? 2 : 1;
        continue;
      }
      out.add(word);
    }
    if (Words.startsWith(out, List.of("you'd", "like", "to", "know", "why"))) {
      return lead(parts, at, "you'd like to know the reason", 5, out);
    }
    if (Words.startsWith(out, List.of("you'd", "like", "to", "know"))) return lead(parts, at, "you're asking", 4, out);
    for (String want : List.of("you want to", "you wanted to", "you would like to")) {
      int size = want.split(" ").length;
      if (Words.startsWith(out, List.of(want.split(" ")))) return lead(parts, at, "you'd like to", size, out);
    }
    return new Clause(parts.get(at).joiner(), out);
  }

  private static Clause lead(List<Clause> parts, int at, String lead, int replaced, List<String> words) {
    List<String> out = new ArrayList<>(List.of(lead.split(" ")));
    out.addAll(words.subList(replaced, words.size()));
    return new Clause(parts.get(at).joiner(), out);
  }

  /**
   * Joins a clause with the word its meaning calls for: a problem after a clause without one with "but" ("you
   * ordered a phone but it never came"), a need with "so", and a "but" before a clause with no negation with "even
   * though" ("your data is used up even though it's only the tenth"). An "and" inside a clause that starts another
   * ("... on the account and hers stopped working") is chosen the same way.
   */
  private static Clause rejoin(List<Clause> parts, int at) {
    Clause part = parts.get(at);
    List<String> w = new ArrayList<>(part.words());
    for (int i = w.size() - 2; i >= TimePhrases.CONJUNCT_MIN_WORDS; i--) {
      if (w.get(i).equals("and") && TimePhrases.startsClause(w.get(i + 1))) {
        w.set(i, joiner("and", w.subList(0, i), w.subList(i + 1, w.size()), false));
      }
    }
    if (at == 0) return new Clause(part.joiner(), w);
    boolean butNext = at + 1 < parts.size() && parts.get(at + 1).joiner().equals("but");
    return new Clause(joiner(part.joiner(), parts.get(at - 1).words(), w, butNext), w);
  }

  private static String joiner(String joiner, List<String> before, List<String> w, boolean butNext) {
    boolean want = w.size() > 2 && (WANTS.contains(w.get(1)) || Set.of("have", "has").contains(w.get(1))
        && w.get(2).equals("to") || w.get(0).endsWith("'d") && w.get(1).equals("like"));
    if (joiner.equals("and") && trouble(w) && !trouble(before) && !butNext) return "but";
    if (joiner.equals("and") && want) return "so";
    if (joiner.equals("but") && !negative(w)) return "even though";
    return joiner;
  }

  private static boolean negative(List<String> words) {
    return words.stream().anyMatch(w -> NEGATIONS.contains(w) || w.endsWith("n't"));
  }

  /** Whether the clause says something went wrong, near its start where its own verb is ("calls she never made" no). */
  private static boolean trouble(List<String> words) {
    List<String> start = words.subList(0, Math.min(words.size(), PREDICATE_WORDS));
    return negative(start) || start.stream().anyMatch(TROUBLE::contains);
  }

  /** "a late fee of twelve pounds" → "a twelve pound late fee": the amount said where a listener expects it. */
  private static Clause amountFirst(List<Clause> parts, int at) {
    List<String> w = parts.get(at).words();
    for (int of = 2; of + 2 < w.size(); of++) {
      int unit = of + 1;
      while (unit < w.size() && Words.NUMBERS.contains(w.get(unit))) unit++;
      if (!w.get(of).equals("of") || unit == of + 1 || unit == w.size() || !UNITS.contains(w.get(unit))) continue;
      int article = of - 1;
      while (article > 0 && of - article < 4 && !Set.of("a", "an").contains(w.get(article))) article--;
      if (!Set.of("a", "an").contains(w.get(article)) || article == of - 1) continue;
      List<String> out = new ArrayList<>(w.subList(0, article));
      out.add(VOWEL_NUMBERS.contains(w.get(of + 1)) ? "an" : "a");
      out.addAll(w.subList(of + 1, unit));
      String singular = w.get(unit);
      out.add(singular.equals("percent") ? singular : singular.substring(0, singular.length() - 1));
      out.addAll(w.subList(article + 1, of));
      out.addAll(w.subList(unit + 1, w.size()));
      return new Clause(parts.get(at).joiner(), out);
    }
    return parts.get(at);
  }

  /** "but it still won't connect" → "yet it still won't connect", when the plainer "but" repeats the caller. */
  private static Clause yet(List<Clause> parts, int at) {
    Clause part = parts.get(at);
    return at > 0 && part.joiner().equals("but") && negative(part.words()) ? new Clause("yet", part.words()) : part;
  }

  private static Clause synonyms(List<Clause> parts, int at) {
    List<String> w = parts.get(at).words().stream().map(word -> SYNONYMS.getOrDefault(word, word)).toList();
    return new Clause(parts.get(at).joiner(), w);
  }
}
