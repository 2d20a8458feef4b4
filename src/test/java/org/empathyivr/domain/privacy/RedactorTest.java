package org.empathyivr.domain.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

  @ParameterizedTest(name = "hides: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock = """
          my card is four one one one one one one one one one one one one one one one | my card is [card number]
          four one one one one one one one one one one one one one one one and it was declined | [card number] and it was declined
          the number is 4111 1111 1111 1111. it bounced | the number is [card number]. it bounced
          the number is 4111-1111-1111-1111 | the number is [card number]
          4111111111111111 | [card number]
          card five five double five five five five five five five five five five five five four four four four | card [card number]
          it's three seven eight two eight two two four six three one double oh oh five expires oh four two six | it's [card number] expires oh four two six
          visa four one one one one one one one one one one one one one one two please | visa [card number] please
          ok four one one one one one one one one one one one one one one one oh four two six | ok [card number]
          the security code is one two three | the security code is [security code]
          the c v v is four five six | the c v v is [security code]
          cvv 0123 | cvv [security code]
          my social security number is one two three four five six seven eight nine | my social security number is [national id]
          ssn one two three four five six seven eight nine thanks | ssn [national id] thanks
          it's 123-45-6789 on the form | it's [national id] on the form
          my email is maria at gmail dot com | my email is [email address]
          send it to maria dot lopez at example dot co dot uk please | send it to [email address] please
          maria underscore lopez at example dot org | [email address]
          email me at maria dot lopez at gmail dot com | email me at [email address]
          write to maria.lopez@gmail.com. thanks | write to [email address]. thanks
          the e-mail address is dana at example dot com | the e-mail address is [email address]
          the account number is one two three four five six seven eight nine one two three four | the account number is [number]
          """)
  void hidesPersonalData(String said, String stored) {
    assertEquals(stored, Redactor.redact(said));
  }

  @ParameterizedTest(name = "keeps: {0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock = """
          i was charged forty five dollars twice
          this is the third time i call
          call me back on five five five one two three four five six seven
          call me back on 555-123-4567 or 1 555 123 4567
          my order number is one two three four five six seven eight
          i was looking at amazon dot com when it froze
          i got home at nine and it was down
          the router is at the back dot
          oh no it dropped again
          i tried one or two times
          my pin is one two three four
          the code on the screen is one two three
          """)
  void keepsWhatIsNotPersonalData(String said) {
    assertEquals(said, Redactor.redact(said));
  }

  @Test
  void aMisheardCardAfterTheWordCardIsStillHidden() {
    // One digit wrong: the Luhn check fails, the word "card" before it still marks it.
    String said = "my card number is four one one one one one one one one one one one one one one two";
    assertFalse(Redactor.hasLuhnCard("4111111111111112"));
    assertEquals("my card number is [card number]", Redactor.redact(said));
  }

  @Test
  void aLuhnValidRunWithTooFewDigitsIsNoCard() {
    assertTrue(Redactor.luhn("4111111111111111", 0, 16));
    assertFalse(Redactor.hasLuhnCard("411111111111"));
    assertFalse(Redactor.luhn("4111111111111121", 0, 16));
  }

  @Test
  void keyedDigitsAreJudgedAsOneNumberAndEveryKeyIsHidden() {
    List<String> keys = "4111111111111111".chars().mapToObj(c -> "[key " + (char) c + "]").toList();
    List<String> lines = new java.util.ArrayList<>(List.of("Please key in your card number."));
    lines.addAll(keys);
    lines.add("[key 0]");
    List<String> redacted = Redactor.redactLines(List.of(lines.get(0), keys.get(0)));
    assertEquals(List.of("Please key in your card number.", "[key 4]"), redacted);
    List<String> all = Redactor.redactLines(lines);
    assertEquals(lines.get(0), all.get(0));
    assertEquals(List.of(Redactor.CARD_NUMBER), all.subList(1, all.size()).stream().distinct().toList());
  }

  @Test
  void keyedAnswersAndSecurityCodesAfterAPrompt() {
    assertEquals(List.of("Is that right?", "[key 1]", "yes"), Redactor.redactLines(List.of("Is that right?", "[key 1]", "yes")));
    assertEquals(
        List.of("What is the security code?", "[security code]", "[security code]", "[security code]"),
        Redactor.redactLines(List.of("What is the security code?", "[key 1]", "[key 2]", "[key 3]")));
  }

  @Test
  void keepsSpacingAndEverythingAroundAMarker() {
    assertEquals("  card:  [card number]!  ", Redactor.redact("  card:  4111 1111 1111 1111!  "));
    assertEquals("", Redactor.redact(""));
  }

  // Spoken number words (Vosk: lower-case, no punctuation, numbers grouped as words).

  @Test
  void cardNumberSpokenInGroupsWithMisheardWordsIsRedacted() {
    // 4111 1111 1111 1111, spoken by a synthesizer in groups and written by the recognizer with "the lamb" inside.
    String said = "my card number is four thousand and one hundred the lamb and one thousand one hundred eleven"
        + " one thousand one hundred eleven one thousand one hundred eleven";
    assertEquals("my card number is [card number]", Redactor.redact(said));
  }

  @Test
  void theSameMisheardCardWithoutACueIsStillTooLongToKeep() {
    String said = "it is four thousand and one hundred the lamb and one thousand one hundred eleven"
        + " one thousand one hundred eleven one thousand one hundred eleven ok";
    assertEquals("it is [number] ok", Redactor.redact(said));
  }

  @Test
  void aCardSpokenInGroupsIsACardWithoutAnyCueWhenItsDigitsPassLuhn() {
    String said = "four thousand one hundred eleven one thousand one hundred eleven one thousand one hundred eleven"
        + " one thousand one hundred eleven is that enough";
    assertEquals("[card number] is that enough", Redactor.redact(said));
    assertEquals("i read [card number] off it", Redactor.redact("i read forty one eleven eleven eleven eleven eleven"
        + " eleven eleven off it"));
  }

  @ParameterizedTest(name = "hides: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          my credit card is four one one one one one one one one one one one one one one one | my credit card is [card number]
          my credit card is four one one one one one one one one one one one one one one two | my credit card is [card number]
          my credit card is four one one one one the one one one one one one one one one one one | my credit card is [card number]
          my credit card is four one one one one one one won one one one one one one one one | my credit card is [card number]
          my credit card is four one one one one one one one one one one one one one one one and it was declined | my credit card is [card number] and it was declined
          my credit card is forty one eleven eleven eleven eleven eleven eleven eleven | my credit card is [card number]
          my debit card is four one one one one one one one | my debit card is [card number]
          my credit card is four one one one one one one one the bill is wrong | my credit card is [card number] the bill is wrong
          """)
  void creditCardSpokenDigitByDigitOrInGroupsIsRedacted(String said, String stored) {
    assertEquals(stored, Redactor.redact(said));
  }

  @ParameterizedTest(name = "hides: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          my account number is seven seven three oh two nine one eight four | my account number is [number]
          my account number is seven seven three oh two nine one eight four and i want to cancel | my account number is [number] and i want to cancel
          account seventy seven thirty oh two nine one eight four please | account [number] please
          my member number is twelve thirty four fifty six | my member number is [number]
          my policy number is 77302918 | my policy number is [number]
          my pin is one two three four five six | my pin is [number]
          my social security number is one twenty three forty five sixty seven eighty nine | my social security number is [national id]
          my social security number is one two three four five six seven | my social security number is [number]
          """)
  void accountNumbersAfterACueAreRedacted(String said, String stored) {
    assertEquals(stored, Redactor.redact(said));
  }

  @ParameterizedTest(name = "hides: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          so it's one two three four five six seven eight nine one two three right | so it's [number] right
          so it's one two three four five six seven eight nine the one two three right | so it's [number] right
          it's one twenty three forty five sixty seven eighty nine twelve thirty four fifty six | it's [number]
          """)
  void twelveOrMoreNumberWordsWithoutACueAreRedacted(String said, String stored) {
    assertEquals(stored, Redactor.redact(said));
  }

  @ParameterizedTest(name = "keeps: {0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          it has been down for three days
          i was charged twice
          it was forty dollars
          they took forty five dollars
          the bill was eighty nine dollars and fifty cents
          the technician comes on the third of june
          my order is order one two three four
          my order is order 1234
          it's been like that since two thousand and twenty four
          call me back on five five five one two three four five six seven
          call me back on one five five five one two three four five six seven
          i've called three times in two weeks
          my account number ends in one two three four
          my account one two three four five
          my card was charged two thousand four hundred fifty six dollars
          my account phone number is five five five one two three four five six seven
          so it's one two three four five six seven eight nine one two right
          it's one two three four five six seven eight nine the lamb said one two three
          we have one dog two cats three fish four birds five mice six rats seven ants eight bees nine flies ten frogs eleven owls twelve bats
          """)
  void shortNumbersPhoneNumbersAndAmountsStay(String said) {
    assertEquals(said, Redactor.redact(said));
  }

  @Test
  void keyedDigitsAfterAnAccountPromptAreANumber() {
    List<String> lines = new java.util.ArrayList<>(List.of("Please key in your account number."));
    "77302918".chars().forEach(c -> lines.add("[key " + (char) c + "]"));
    List<String> all = Redactor.redactLines(lines);
    assertEquals(lines.get(0), all.get(0));
    assertEquals(List.of(Redactor.NUMBER), all.subList(1, all.size()).stream().distinct().toList());
  }

  @ParameterizedTest(name = "{0} reads as {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          four thousand one hundred eleven | 4111
          forty one eleven | 4111
          two thousand and twenty four | 2024
          nineteen eighty four | 1984
          seven seven three oh two | 77302
          double five triple oh | 55000
          one eight hundred five five five one two one two | 1805551212
          twenty-one | 21
          one million two hundred thousand | 1200000
          twenty five hundred | 2500
          [key 4] 4111-1111 one | 4411111111
          """)
  void numberWordsReadAsTheDigitsTheyStandFor(String said, String digits) {
    List<NumberWordRun> runs = NumberWordRun.in(said);
    assertEquals(1, runs.size(), runs.toString());
    assertEquals(digits, runs.get(0).digits());
  }

  @Test
  void aRunCountsNumberWordsAndEndsAtItsLastNumberWord() {
    NumberWordRun run = NumberWordRun.in("is four thousand one hundred eleven the end").get(0);
    assertEquals(5, run.words());
    assertEquals("four thousand one hundred eleven", "is four thousand one hundred eleven the end".substring(run.start(), run.end()));
    assertEquals("is", run.before());
    // Three misheard words in a row end a run; so does "and" after a digit.
    assertEquals(2, NumberWordRun.in("one two the big lamb three four").size());
    assertEquals(2, NumberWordRun.in("one two and three four").size());
  }
}
