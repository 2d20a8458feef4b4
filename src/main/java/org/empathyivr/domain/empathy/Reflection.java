package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.empathyivr.domain.empathy.Clauses.Clause;

/**
 * Says the caller's issue back in the assistant's words: second person ("my router" becomes "your router", "I was
 * charged" becomes "you were charged"), without fillers, greetings and pleasantries, a question as what the caller
 * wants ("you'd like to know why your bill is so high"), and short: a long ramble is reduced to its main complaint
 * and the clauses that carry facts (numbers, dates, amounts), never cut in the middle of a phrase.
 *
 * <p>Works on recognizer output: lower-case words, no punctuation, numbers as words. A feeling is not part of the
 * reflection: the conversation acknowledges it first ({@link Feeling}). Stateless and thread-safe.
 */
public final class Reflection {
  /** At most this many words: callers should hear a summary, not a recital. */
  public static final int MAX_WORDS = 20;

  /** An utterance of at most this many words is said back whole (in the assistant's words). */
  private static final int SHORT_WORDS = 18;
  /** A short clause with a problem ("nobody did") is kept beside the main one when it fits. */
  private static final int SHORT_CLAUSE_WORDS = 4;
  /** An utterance longer than this is never said back word for word. */
  private static final int LONG_WORDS = 12;
  /** A clause about what should have happened, and one with a negation after it, are joined with "but". */
  private static final Set<String> EXPECTATIONS =
      Set.of("supposed", "promised", "said", "told", "paid", "should", "would", "booked", "expected");
  private static final Set<String> NEGATIONS = Set.of("never", "not", "nobody", "nothing", "no");

  /** Where a clause too long to say back may be cut: before a phrase that adds detail. */
  private static final Set<String> PHRASE_STARTS =
      Set.of("with", "for", "on", "at", "in", "to", "from", "when", "while", "after", "before", "that", "who",
          "which", "where", "because", "and", "or", "but", "so", "since", "about", "by", "like", "if");
  private static final Set<String> BARE_HELP =
      Set.of("you'd like some help", "you need help", "you need some help", "help", "you'd like help to");
  private static final Set<String> SUBJECTLESS_VERBS =
      Set.of("need", "want", "got", "have", "had", "keep", "tried", "called", "paid", "ordered", "received", "lost",
          "forgot", "moved", "bought", "signed", "can't", "cannot", "couldn't", "don't", "didn't", "haven't",
          "still", "never", "already");
  private static final Set<String> VERBS =
      Set.of("is", "isn't", "was", "wasn't", "are", "aren't", "were", "has", "hasn't", "have", "haven't", "keeps",
          "won't", "doesn't", "didn't", "can't", "stopped", "went", "does", "did", "will", "got", "had", "came",
          "says", "shows", "takes", "broke", "needs", "cut", "drops", "kept");

  private Reflection() {}

  /**
   * The reflection of an utterance, or empty when nothing of substance is left (only fillers, greetings or a
   * feeling).
   *
   * @param utterance recognizer text
   */
  public static Optional<String> of(String utterance) {
    if (utterance == null) throw new IllegalArgumentException("utterance == null");
    List<Clause> clauses = new ArrayList<>(Clauses.of(utterance));
    if (clauses.size() > 1) clauses.removeIf(c -> Feeling.only(c.words()));
    else if (clauses.size() == 1 && Feeling.only(clauses.get(0).words())) return Optional.empty();
    List<List<String>> said = new ArrayList<>();
    for (Clause clause : clauses) said.add(sayBack(clause.words()));
    if (said.size() > 1) {
      for (int i = said.size() - 1; i >= 0 && said.size() > 1; i--) {
        if (BARE_HELP.contains(String.join(" ", said.get(i)))) {
          said.remove(i);
          clauses.remove(i);
        }
      }
    }
    if (said.isEmpty()) return Optional.empty();
    List<String> caller = Words.of(utterance);
    List<Clause> parts = join(clauses, said, choose(clauses, said, false));
    if (OwnWords.flatten(parts).size() > LONG_WORDS && OwnWords.flatten(parts).equals(caller)) {
      parts = join(clauses, said, choose(clauses, said, true)); // never parrot a long utterance word for word
    }
    List<String> out = shorten(OwnWords.flatten(parts));
    if (CopiedRun.longest(caller, out) > OwnWords.MAX_COPIED_WORDS) {
      out = shorten(OwnWords.flatten(OwnWords.rephrase(caller, parts)));
    }
    return Optional.of(String.join(" ", out));
  }

  /** The chosen clauses said back, each with the word that joins it to the one before. */
  private static List<Clause> join(List<Clause> clauses, List<List<String>> said, List<Integer> chosen) {
    List<Clause> out = new ArrayList<>();
    int previous = -1;
    for (int i : chosen) {
      String joined = "";
      if (!out.isEmpty()) {
        String joiner = clauses.get(i).joiner();
        String join = joiner.equals("because") || !joiner.isEmpty() && i == previous + 1 ? joiner : "and";
        boolean letDown = clauses.get(previous).words().stream().anyMatch(EXPECTATIONS::contains)
            && clauses.get(i).words().stream().anyMatch(w -> NEGATIONS.contains(w) || w.endsWith("n't"));
        joined = letDown && (join.equals("and") || join.isEmpty()) ? "but" : join;
      }
      out.add(new Clause(joined, out.isEmpty() ? withSubject(said.get(i)) : said.get(i)));
      previous = i;
    }
    return out;
  }

  private static List<String> sayBack(List<String> clause) {
    return Questions.asNeed(clause).orElseGet(() -> SecondPerson.of(clause));
  }

  /** Which clauses to say back, in order: all of a short utterance, else the main complaint and facts that fit. */
  private static List<Integer> choose(List<Clause> clauses, List<List<String>> said, boolean reduce) {
    int total = said.stream().mapToInt(List::size).sum();
    if (!reduce && total <= SHORT_WORDS && said.size() <= 3) return IntStream.range(0, said.size()).boxed().toList();
    int main = IntStream.range(0, said.size()).boxed()
        .max(Comparator.comparingInt((Integer i) -> score(clauses.get(i).words())).thenComparing(i -> -i))
        .orElseThrow();
    List<Integer> chosen = new ArrayList<>(List.of(main));
    int words = said.get(main).size();
    List<Integer> byScore = IntStream.range(0, said.size()).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> -score(clauses.get(i).words()))).toList();
    for (int i : byScore) {
      List<String> clause = clauses.get(i).words();
      boolean facts = clause.stream().anyMatch(Words::isFact)
          || !reduce && clause.size() <= SHORT_CLAUSE_WORDS && clause.stream().anyMatch(Words::isProblem);
      if (i != main && facts && words + said.get(i).size() + 1 <= MAX_WORDS) {
        chosen.add(i);
        words += said.get(i).size() + 1;
      }
    }
    return chosen.stream().sorted().toList();
  }

  private static int score(List<String> clause) {
    long problems = clause.stream().filter(Words::isProblem).distinct().count();
    long facts = clause.stream().filter(Words::isFact).count();
    long nouns = clause.stream().filter(Words.NOUNS::contains).count();
    boolean question = Questions.asNeed(clause).isPresent();
    return (int) (3 * Math.min(problems, 3) + 2 * facts + Math.min(nouns, 2) + (question ? 3 : 0))
        - (clause.size() < 3 ? 2 : 0);
  }

  /** "having trouble with my router" → "you're having trouble ..."; "internet problems" → "you're calling about". */
  private static List<String> withSubject(List<String> said) {
    String first = said.get(0);
    List<String> out = new ArrayList<>();
    if (Words.SUBJECTS.contains(first) || first.startsWith("you") || first.equals("we")) return said;
    if (first.endsWith("ing") && said.size() > 1) {
      out.add("you're");
    } else if (first.equals("been")) {
      out.add("you've");
    } else if (first.equals("was") || first.equals("am")) {
      out.add("you");
      out.add(first.equals("was") ? "were" : "are");
      out.addAll(said.subList(1, said.size()));
      return out;
    } else if (SUBJECTLESS_VERBS.contains(first)) {
      out.add("you");
    } else if (said.stream().noneMatch(w -> VERBS.contains(w) || w.endsWith("ed") && w.length() > 4)) {
      out.addAll(List.of("you're", "calling", "about"));
    }
    out.addAll(said);
    return out;
  }

  /** Cuts a reflection that is still too long before the last phrase that fits, never inside one. */
  private static List<String> shorten(List<String> words) {
    if (words.size() <= MAX_WORDS) return words;
    int cut = MAX_WORDS;
    for (int i = MAX_WORDS; i >= 4; i--) {
      if (PHRASE_STARTS.contains(words.get(i))) {
        cut = i;
        break;
      }
    }
    List<String> out = new ArrayList<>(words.subList(0, cut));
    while (out.size() > 1 && PHRASE_STARTS.contains(out.get(out.size() - 1))) out.remove(out.size() - 1);
    return out;
  }
}
