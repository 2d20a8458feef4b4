package org.empathyivr.domain.empathy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PhraseBookTest {
  private static final String MINIMAL =
      String.join(
          "\n",
          PhraseBook.REQUIRED_IDS.stream().sorted().map(id -> id + " = Line for " + id + ".").toList());

  @Test
  void theShippedPhrasebookHasEveryLineTheConversationNeeds() throws IOException {
    PhraseBook book = PhraseBook.parse(Files.readString(Path.of("prompts/phrasebook.txt")), "phrasebook");
    for (String id : PhraseBook.REQUIRED_IDS) assertFalse(book.variants(id).isEmpty(), id);
  }

  @Test
  void theShippedPhrasebookSpeaksPositively() throws IOException {
    PhraseBook book = PhraseBook.parse(Files.readString(Path.of("prompts/phrasebook.txt")), "phrasebook");
    List<String> banned =
        List.of("unfortunately", "you must", "you need to", "you have to", "calm down", "as i said", "as i told you",
            "policy", "obviously", "actually,", "can't help", "cannot help", "you should have", "not our fault",
            "that's not possible", "no problem", "you didn't");
    for (Map.Entry<String, List<String>> id : book.all().entrySet()) {
      for (String line : id.getValue()) {
        for (String phrase : banned) {
          assertFalse(line.toLowerCase().contains(phrase), id.getKey() + " says \"" + phrase + "\": " + line);
        }
      }
    }
  }

  @Test
  void refusesAMissingIdNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PhraseBook.parse("greeting.named = Hello {name}.", "f"));
    assertTrue(e.getMessage().startsWith("f: missing phrase id"), e.getMessage());
  }

  @Test
  void refusesAnUnknownSlotNamingTheLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> PhraseBook.parse(MINIMAL + "\nextra = Hi {nmae}.", "book.txt"));
    assertTrue(e.getMessage().startsWith("book.txt:" + (PhraseBook.REQUIRED_IDS.size() + 1) + ": unknown slot"));
  }

  @Test
  void refusesALineThatIsNotIdEqualsText() {
    assertThrows(IllegalArgumentException.class, () -> PhraseBook.parse(MINIMAL + "\njust words", "f"));
  }

  @Test
  void choosesTheSameVariantForTheSameCall() {
    PhraseBook book = PhraseBook.parse(MINIMAL + "\nask.issue = Second way.\nask.issue = Third way.", "f");
    assertEquals(new Phrasing(book, "call-1").say("ask.issue"), new Phrasing(book, "call-1").say("ask.issue"));
  }

  @Test
  void neverSaysTheSameLineTwiceInARow() {
    PhraseBook book = PhraseBook.parse(MINIMAL + "\nreprompt.issue = Second.\nreprompt.issue = Third.", "f");
    Phrasing phrasing = new Phrasing(book, "call-7");
    String previous = "";
    for (int i = 0; i < 10; i++) {
      String line = phrasing.say("reprompt.issue").text();
      assertNotEquals(previous, line);
      previous = line;
    }
  }

  @Test
  void usesEveryVariantBeforeRepeatingOne() {
    PhraseBook book = PhraseBook.parse(MINIMAL + "\nreprompt.issue = Second.\nreprompt.issue = Third.", "f");
    Phrasing phrasing = new Phrasing(book, "call-9");
    List<String> lines = List.of(
        phrasing.say("reprompt.issue").text(), phrasing.say("reprompt.issue").text(),
        phrasing.say("reprompt.issue").text());
    assertEquals(3, lines.stream().distinct().count(), lines.toString());
  }

  @Test
  void fillsSlotsCapitalisesSentencesAndMarksTheLinePersonal() {
    PhraseBook book = PhraseBook.parse(MINIMAL.replace("Line for reflect.lead.", "So. {reflection}."), "f");
    Phrasing.Line line = new Phrasing(book, "c").say("reflect.lead", Map.of("reflection", "your bill is wrong"));
    assertEquals("So. Your bill is wrong.", line.text());
    assertTrue(line.personal());
    assertFalse(new Phrasing(book, "c").say("ask.issue").personal());
  }

  @Test
  void cutsALineSoTheFixedLeadInCanPlayWhileTheCallersWordsAreSynthesized() {
    PhraseBook book = PhraseBook.parse(MINIMAL
        .replace("Line for reflect.lead.", "If I understood you correctly, {reflection}.")
        .replace("Line for greeting.named.", "Hello {name}. Thank you for calling. I'm here to help."), "f");
    Phrasing phrasing = new Phrasing(book, "c");

    Phrasing.Line reflection = phrasing.say("reflect.lead", Map.of("reflection", "your bill is wrong"));
    assertEquals("If I understood you correctly, your bill is wrong.", reflection.text());
    assertEquals(List.of(new Phrasing.Part("If I understood you correctly,", false),
        new Phrasing.Part("your bill is wrong.", true)), reflection.parts());

    Phrasing.Line greeting = phrasing.say("greeting.named", Map.of("name", "Maria"));
    assertEquals(List.of(new Phrasing.Part("Hello Maria.", true),
        new Phrasing.Part("Thank you for calling. I'm here to help.", false)), greeting.parts());

    // Lines said one after the other join their fixed parts: one prompt to play, not one per sentence.
    Phrasing.Line both = reflection.then(phrasing.say("confirm.ask")).then(phrasing.say("ask.issue"));
    assertEquals(3, both.parts().size(), both.parts().toString());
    assertEquals(reflection.text() + " " + "Line for confirm.Ask. Line for ask.Issue.", both.text());
  }

  @Test
  void keepsAShortLeadInWithTheCallersWordsSoItIsNotSaidAsAClippedWord() {
    PhraseBook book = PhraseBook.parse(MINIMAL.replace("Line for reflect.lead.", "So, {reflection}."), "f");
    Phrasing.Line line = new Phrasing(book, "c").say("reflect.lead", Map.of("reflection", "your bill is wrong"));
    assertEquals(List.of(new Phrasing.Part("So, your bill is wrong.", true)), line.parts());
  }

  @Test
  void listsTheFixedPartsOfEveryLineForRenderingBeforeAnyCall() {
    PhraseBook book = PhraseBook.parse(MINIMAL
        .replace("Line for reflect.lead.", "Let me check that I have this right. {reflection}."), "f");
    List<String> shared = Phrasing.sharedTexts(book);
    assertTrue(shared.contains("Let me check that I have this right."), shared.toString());
    assertTrue(shared.contains("Line for ask.Issue."), shared.toString());
    assertTrue(shared.stream().noneMatch(text -> text.contains("{") || text.contains("reflection")), shared.toString());
  }

  @Test
  void speaksTheUpsetVariantToAnUpsetCallerAndTheCalmOneOtherwise() {
    PhraseBook book = PhraseBook.parse(MINIMAL + "\nconfirm.ask.upset = Have I understood you correctly?", "f");
    assertEquals("Have I understood you correctly?",
        new Phrasing(book, "c").say("confirm.ask", Map.of(), Tone.UPSET).text());
    assertEquals(List.of("confirm.ask.upset"), new Phrasing(book, "c").say("confirm.ask", Map.of(), Tone.UPSET).ids());
    assertEquals("Line for confirm.Ask.", new Phrasing(book, "c").say("confirm.ask", Map.of(), Tone.CALM).text());
    assertEquals("Line for ask.Issue.", new Phrasing(book, "c").say("ask.issue", Map.of(), Tone.UPSET).text(),
        "without an upset variant the calm line serves");
  }

  @Test
  void saysAReflectionAgainWithAnotherLeadIn() {
    PhraseBook book = PhraseBook.parse(MINIMAL + "\nreflect.lead = So, {reflection}.", "f");
    Phrasing phrasing = new Phrasing(book, "call-3");
    String first = phrasing.say("reflect.lead", Map.of("reflection", "your bill is wrong")).text();
    String second = phrasing.say("reflect.lead", Map.of("reflection", "your bill is too high")).text();
    assertNotEquals(first.substring(0, 5), second.substring(0, 5), first + " / " + second);
  }

  @Test
  void theShippedPhrasebookHasAnUpsetVariantForTheLinesAroundTheReflection() throws IOException {
    PhraseBook book = PhraseBook.parse(Files.readString(Path.of("prompts/phrasebook.txt")), "phrasebook");
    for (String id : List.of("reflect.lead", "confirm.ask", "apologize.misunderstood", "reassure", "ask.after-feeling")) {
      assertTrue(book.has(id + ".upset"), id);
    }
    for (Feeling feeling : Feeling.values()) assertTrue(book.variants(feeling.phraseId).size() >= 3, feeling.phraseId);
  }
}
