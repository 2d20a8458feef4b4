package org.empathyivr.domain.frustration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bundled words model on sentences written for this test (not from any data set): a caller who only states a
 * problem, even a costly one, sounds less frustrated than one who is angry, is calling again, asks for a person, or
 * already tried a fix that did not help.
 */
class WordsModelTest {
  private static final List<String> PLAIN_PROBLEMS = List.of(
      "i was charged twice for my bill",
      "my internet keeps dropping every evening around eight",
      "i need to reset my password",
      "my router lights are blinking orange and the internet is down",
      "i moved house last week and want to move my service",
      "can you tell me why my bill went up by twenty dollars",
      "the app shows an error when i try to log in",
      "my internet does not work",
      "i can't log in to my account",
      "my package has not arrived yet",
      "i think there is a mistake on my invoice",
      "my phone won't connect to the wifi",
      "i'd like to cancel my subscription",
      "ok thank you that's all");
  private static final List<String> ANGRY = List.of(
      "this is ridiculous i have called three times and nobody has fixed it",
      "i'm sick and tired of your useless service",
      "this is the third time i'm calling and it's still not fixed",
      "i am so fed up with this it's absolutely unacceptable",
      "let me talk to a real person right now this is a joke",
      "you people charged me twice again and i'm furious",
      "i restarted the router twice and it still doesn't work",
      "i already tried everything you told me last time and nothing helped",
      "i cancelled months ago and you keep charging me",
      "i did what the website said but it still won't connect",
      "i want you to stop taking money from my account",
      "i reset the modem like you said and it made no difference");

  private static double frustration(String said) {
    List<String> tokens = Words.tokens(Words.asRecognized(said));
    double logit = WordsModel.bundled().logit(WordsModel.features(tokens, WordCues.find(tokens)));
    return 1 / (1 + Math.exp(-logit));
  }

  @Test
  void everyAngryCallerSoundsMoreFrustratedThanAnyPlainProblemStatement() {
    Map<String, Double> plain = PLAIN_PROBLEMS.stream().collect(Collectors.toMap(s -> s, WordsModelTest::frustration));
    Map<String, Double> angry = ANGRY.stream().collect(Collectors.toMap(s -> s, WordsModelTest::frustration));
    Map.Entry<String, Double> mostUpsetPlain = plain.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    Map.Entry<String, Double> calmestAngry = angry.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();

    assertTrue(mostUpsetPlain.getValue() < calmestAngry.getValue(),
        String.format(Locale.ROOT, "plain '%s' %.2f >= angry '%s' %.2f", mostUpsetPlain.getKey(),
            mostUpsetPlain.getValue(), calmestAngry.getKey(), calmestAngry.getValue()));
  }

  @Test
  void theSameProblemSoundsFrustratedOnlyOnceAFixWasTriedAndFailed() {
    String[][] pairs = {
        {"my internet does not work", "i restarted the modem and my internet still does not work"},
        {"i can't log in to my account", "i reset my password twice but i still can't log in to my account"},
        {"i was charged for my bill", "i cancelled last month but you keep charging me for my bill"}};
    for (String[] pair : pairs) {
      double plain = frustration(pair[0]);
      double tried = frustration(pair[1]);
      assertTrue(plain < 0.5, String.format(Locale.ROOT, "'%s' %.2f", pair[0], plain));
      assertTrue(tried > 0.5 && tried > plain + 0.2,
          String.format(Locale.ROOT, "'%s' %.2f vs '%s' %.2f", pair[1], tried, pair[0], plain));
    }
  }

  @Test
  void aDoubleChargeStatedPlainlyIsNotAFrustratedTurn() {
    double charged = frustration("i was charged twice for my bill");
    double furious = frustration("you people charged me twice again and i'm furious");

    assertTrue(charged < 0.5, "charged twice: " + charged);
    assertTrue(furious > 0.85, "furious: " + furious);
  }

  @Test
  void anAngryWordTheModelNeverLearnedStillCountsThroughTheLexicon() {
    ValenceLexicon lexicon = ValenceLexicon.bundled();
    String unseen = "aggravate";
    assertEquals(0.0, WordsModel.bundled().weight("w:" + unseen), "a word the model learned is no test here");
    assertTrue(lexicon.valence(unseen) <= -2.5, "lexicon: " + lexicon.valence(unseen));

    assertTrue(frustration("your billing is going to aggravate me") > frustration("your billing is going to reach me"));
  }

  @Test
  void aNegatedGoodWordCountsAsMildlyBadNotGood() {
    List<String> tokens = Words.tokens("i am not happy with this");
    assertTrue(WordsModel.features(tokens, WordCues.find(tokens)).contains("v:negated_positive"));
    assertTrue(frustration("i am not happy with this") > frustration("i am happy with this"));
  }

  @Test
  void theFeaturesHaveNoWordPairsToMemorise() {
    List<String> tokens = Words.tokens("i was charged twice for my bill");
    assertTrue(WordsModel.features(tokens, WordCues.find(tokens)).stream().noneMatch(f -> f.startsWith("b:")));
  }

  @Test
  void aBrokenModelFileNamesTheLine() {
    byte[] text = "bias\t0.1\nw:angry\tnot-a-number\n".getBytes(StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> WordsModel.read(new ByteArrayInputStream(text), "m.tsv"));
    assertTrue(e.getMessage().startsWith("m.tsv line 2"), e.getMessage());
  }

  @Test
  void aLexiconValenceOutOfRangeIsRefused() {
    byte[] text = "# comment\nawful\t-9\n".getBytes(StandardCharsets.UTF_8);
    IOException e =
        assertThrows(IOException.class, () -> ValenceLexicon.read(new ByteArrayInputStream(text), "lexicon.tsv"));
    assertTrue(e.getMessage().startsWith("lexicon.tsv line 2"), e.getMessage());
  }
}
