package org.empathyivr.domain.empathy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Says a caller's question or request back as what the caller wants, never as a statement of fact: "can you help me
 * with my bill" → "you'd like help with your bill", "why is my bill so high" → "you'd like to know why your bill is so
 * high", "can you send me a new router" → "you'd like us to send you a new router".
 *
 * <p>Recognizer text has no question marks, so a question is known by its first words.
 */
final class Questions {
  private static final List<List<String>> HELP_WITH =
      Words.phrases("can you help me with", "could you help me with", "can you help with", "could you help with",
          "would you help me with", "can someone help me with", "can anyone help me with", "can somebody help me with",
          "can i get help with", "can i get some help with", "can i have help with", "help me with");
  private static final List<List<String>> HELP_ME =
      Words.phrases("can you help me", "could you help me", "would you help me", "can someone help me",
          "can anyone help me", "can somebody help me", "can you guys help me", "is there anyone who can help me",
          "help me");
  private static final List<List<String>> WANT_TO_KNOW =
      Words.phrases("can you tell me", "could you tell me", "can you explain to me", "could you explain to me",
          "can you explain", "could you explain", "i want to know", "i'd like to know", "i wanted to know",
          "i would like to know", "i was wondering", "i'm wondering", "i am wondering", "do you know",
          "i need to know", "i'm trying to find out", "i'm trying to figure out", "tell me");
  private static final List<List<String>> ASK_US =
      Words.phrases("can you guys", "could you guys", "can you", "could you", "would you", "will you",
          "can someone", "could someone", "can somebody", "is it possible for you to", "i need you to",
          "i want you to", "i'd like you to", "i would like you to", "if you could", "if you can",
          "is there any chance you could", "if there's any chance you could", "any chance you could");
  private static final List<List<String>> ASK_TO =
      Words.phrases("can i", "could i", "may i", "can we", "could we", "is it possible to", "is it possible for me to",
          "if i could", "if i can");
  private static final List<List<String>> POSSIBLE =
      Words.phrases("is there a way to", "is there any way to", "is there a way i can", "is there any way i can");
  private static final List<List<String>> HOW_TO =
      Words.phrases("how do i", "how can i", "how would i", "how should i", "how do we", "how can we", "how do you",
          "how can you");
  private static final List<List<String>> WH =
      Words.phrases("how much", "how many", "how long", "how often", "how come", "why", "what", "when", "where",
          "who", "which", "how");
  private static final Set<String> AUX =
      Set.of("is", "are", "was", "were", "am", "will", "would", "can", "could", "has", "have", "had", "does", "do",
          "did", "should", "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't", "hasn't", "haven't",
          "doesn't", "don't", "didn't", "shouldn't");
  private static final Set<String> DETERMINERS =
      Set.of("my", "the", "our", "your", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its",
          "some", "any", "all", "every");
  private static final Set<String> PRONOUNS =
      Set.of("i", "you", "we", "they", "he", "she", "it", "there", "someone", "somebody", "anyone", "anybody",
          "everyone", "everything", "nothing", "something", "nobody");
  private static final Map<String, String> AGREE_WITH_YOU =
      Map.of("is", "are", "was", "were", "am", "are", "isn't", "aren't", "wasn't", "weren't", "has", "have",
          "hasn't", "haven't", "does", "do", "doesn't", "don't");
  private static final Map<String, String> PAST =
      Map.ofEntries(Map.entry("go", "went"), Map.entry("get", "got"), Map.entry("come", "came"),
          Map.entry("take", "took"), Map.entry("send", "sent"), Map.entry("pay", "paid"), Map.entry("say", "said"),
          Map.entry("make", "made"), Map.entry("give", "gave"), Map.entry("buy", "bought"), Map.entry("leave", "left"),
          Map.entry("cut", "cut"), Map.entry("put", "put"), Map.entry("set", "set"), Map.entry("run", "ran"),
          Map.entry("find", "found"), Map.entry("see", "saw"), Map.entry("know", "knew"), Map.entry("break", "broke"),
          Map.entry("tell", "told"), Map.entry("hear", "heard"), Map.entry("have", "had"), Map.entry("do", "did"),
          Map.entry("keep", "kept"), Map.entry("lose", "lost"), Map.entry("bring", "brought"),
          Map.entry("spend", "spent"), Map.entry("stop", "stopped"), Map.entry("drop", "dropped"),
          Map.entry("ship", "shipped"), Map.entry("plan", "planned"));

  private Questions() {}

  /** The caller's question or request as a need, in the second person; empty when the clause is not one. */
  static Optional<List<String>> asNeed(List<String> clause) {
    List<String> w = expandWh(clause);
    List<String> rest;
    if ((rest = after(w, HELP_WITH)) != null) {
      return Optional.of(rest.isEmpty() ? words("you'd like some help") : join("you'd like help with", rest));
    }
    if ((rest = after(w, WANT_TO_KNOW)) != null && !rest.isEmpty()) {
      if (rest.get(0).equals("if") || rest.get(0).equals("whether")) {
        Optional<List<String>> request = rest.get(0).equals("if") ? asNeed(rest) : Optional.empty();
        if (request.isPresent()) return request;
        return Optional.of(join("you'd like to know if", rest.subList(1, rest.size())));
      }
      Optional<List<String>> wh = whQuestion(rest);
      if (wh.isPresent()) return wh;
      return Optional.of(join("you'd like to understand", rest));
    }
    if ((rest = after(w, HELP_ME)) != null) {
      if (rest.isEmpty()) return Optional.of(words("you'd like some help"));
      if (rest.get(0).equals("to")) rest = rest.subList(1, rest.size());
      return Optional.of(join("you'd like help to", rest));
    }
    if ((rest = after(w, HOW_TO)) != null && !rest.isEmpty()) return Optional.of(join("you'd like to know how to", rest));
    if ((rest = after(w, ASK_US)) != null && !rest.isEmpty() && !AUX.contains(rest.get(0))) {
      return Optional.of(join("you'd like us to", rest));
    }
    if ((rest = after(w, POSSIBLE)) != null && !rest.isEmpty()) return Optional.of(join("you'd like to know if you can", rest));
    if ((rest = after(w, ASK_TO)) != null && !rest.isEmpty()) return Optional.of(join("you'd like to", rest));
    Optional<List<String>> wh = whQuestion(w);
    if (wh.isPresent()) return wh;
    if (w.size() >= 3 && AUX.contains(w.get(0))
        && (PRONOUNS.contains(w.get(1)) || DETERMINERS.contains(w.get(1)))) {
      return Optional.of(concat(words("you'd like to know if"), inverted(w.get(0), w.subList(1, w.size()))));
    }
    return Optional.empty();
  }

  /** "why is my bill so high" → "you'd like to know why your bill is so high". */
  private static Optional<List<String>> whQuestion(List<String> w) {
    for (List<String> wh : WH) {
      if (!Words.startsWith(w, wh) || w.size() == wh.size()) continue;
      List<String> asked = wh.equals(List.of("how", "come")) ? List.of("why") : wh;
      List<String> rest = w.subList(wh.size(), w.size());
      List<String> out = concat(words("you'd like to know"), asked);
      boolean whIsSubject = rest.size() > 1 && (rest.get(1).endsWith("ing") || rest.get(1).endsWith("ed"));
      if (AUX.contains(rest.get(0)) && rest.size() > 1 && !whIsSubject) {
        return Optional.of(concat(out, inverted(rest.get(0), rest.subList(1, rest.size()))));
      }
      return Optional.of(concat(out, SecondPerson.of(rest)));
    }
    return Optional.empty();
  }

  /** "is my order" + "coming today" → "your order is coming today"; "did my payment go through" → "went through". */
  private static List<String> inverted(String aux, List<String> rest) {
    int end = subjectEnd(rest);
    List<String> subject = SecondPerson.of(rest.subList(0, end));
    List<String> predicate = new ArrayList<>(SecondPerson.of(rest.subList(end, rest.size())));
    boolean you = subject.size() == 1 && (subject.get(0).equals("you") || subject.get(0).equals("we"));
    String agreed = you ? AGREE_WITH_YOU.getOrDefault(aux, aux) : aux;
    List<String> out = new ArrayList<>(subject);
    if (!predicate.isEmpty() && (aux.equals("did") || aux.equals("does") || aux.equals("do"))) {
      String verb = predicate.get(0);
      predicate.set(0, aux.equals("did") ? past(verb) : aux.equals("does") && !you ? ThirdPerson.of(verb) : verb);
    } else {
      out.add(agreed);
    }
    out.addAll(predicate);
    return out;
  }

  /** Where the subject after an inverted verb ends: a pronoun, or a determiner with its noun ("my phone bill"). */
  private static int subjectEnd(List<String> w) {
    if (w.isEmpty()) return 0;
    String first = w.get(0);
    int end;
    if (first.equals("you") && w.size() > 1 && Set.of("guys", "people").contains(w.get(1))) return 2;
    if (PRONOUNS.contains(first)) return 1;
    if ((first.equals("this") || first.equals("that")) && (w.size() < 2 || !Words.NOUNS.contains(w.get(1)))) {
      return 1;
    }
    end = DETERMINERS.contains(first) ? Math.min(2, w.size()) : 1;
    while (end < w.size() && Words.NOUNS.contains(w.get(end))) end++;
    return end;
  }

  private static String past(String verb) {
    if (PAST.containsKey(verb)) return PAST.get(verb);
    if (verb.endsWith("e")) return verb + "d";
    if (verb.matches(".*[^aeiou]y")) return verb.substring(0, verb.length() - 1) + "ied";
    return verb + "ed";
  }

  /** "what's" → "what is": the contraction hides the inverted verb. */
  private static List<String> expandWh(List<String> clause) {
    if (clause.isEmpty() || !clause.get(0).matches("(what|where|why|how|when|who)'s")) return clause;
    List<String> out = new ArrayList<>();
    out.add(clause.get(0).substring(0, clause.get(0).length() - 2));
    out.add("is");
    out.addAll(clause.subList(1, clause.size()));
    return out;
  }

  private static List<String> after(List<String> words, List<List<String>> prefixes) {
    for (List<String> prefix : prefixes) {
      if (Words.startsWith(words, prefix)) return words.subList(prefix.size(), words.size());
    }
    return null;
  }

  private static List<String> join(String lead, List<String> rest) {
    return concat(words(lead), SecondPerson.of(rest));
  }

  private static List<String> words(String text) {
    return List.of(text.split(" "));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
