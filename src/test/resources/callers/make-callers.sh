#!/bin/sh
# Regenerates the caller fixtures in this directory: short utterances spoken by espeak-ng and converted to
# 8 kHz mono 16-bit PCM, the format Asterisk records a telephone caller in (and one at 16 kHz).
#
# Needs espeak-ng and sox (Debian: apt-get install espeak-ng sox). Run from anywhere: sh make-callers.sh
#
# Choices, measured with the bundled small US-English Vosk model (see VoskSpeechToTextIT):
# - Each voice and speed below is the one of those tried (en-us, en-us+m3, en-us+f3, en-gb, en-gb-x-rp at 120-150
#   words a minute) that the model heard right; espeak's "yes" comes back as "yeah" in every voice but en-us+f3 at 120.
# - 0.4 s of silence pads each side, as a recording of a caller has; speech starting at the first sample lost its
#   first words.
# - No telephone band-pass (sinc 300-3400): with it the model lost or garbled words in most of these utterances,
#   though it transcribes Asterisk's real 8 kHz recordings of a human well. Synthetic speech is harder than real.
# - sox -R makes its dither repeatable, so regenerating gives the same bytes.
set -eu

cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say() { # file voice words-per-minute text [rate-hz]
  espeak-ng -v "$2" -s "$3" -w "$tmp/raw.wav" "$4"
  sox -R "$tmp/raw.wav" -r "${5:-8000}" -c 1 -b 16 "$1" pad 0.4 0.4
}

say internet-dropping.wav en-us+m3 150 "my internet keeps dropping every evening"
say billing.wav           en-us+m3 150 "I was charged twice for my bill this month"
say agent.wav             en-us+m3 150 "I want to talk to an agent"
say yes.wav               en-us+f3 120 "yes"
say yeah-thats-right.wav  en-us    150 "yeah, that's right"
say no.wav                en-us    150 "no"
say no-its-the-router.wav en-us    150 "no, it's the router"
say no-my-email-stopped.wav en-us+m3 140 "no, my email stopped working"
say weather.wav           en-us    150 "the weather is lovely in the mountains"

# Wide-band, as a softphone or a test harness might send: the adapter must take any rate.
say internet-dropping-16k.wav en-us+m3 150 "my internet keeps dropping every evening" 16000

# Answers to "may I have your first name?" (VoskSpeechToTextIT: names are heard with a grammar of first names).
say maria.wav             en-us+f3 130 "Maria"
say its-james.wav         en-us+m3 140 "It's James"
# A name the model hears only with the grammar: free speech makes it "you get" (SpokenNameIT).
say judith.wav            en-us+f3 130 "Judith"
# Frustration (FrustratedCallIT): the same caller voice as internet-dropping.wav, now faster, higher and 12 dB louder
# (clipping, as a shout does), with angrier words.
say "$tmp/third-time.wav" en-us+m3 175 "this is the third time I'm calling and it's still not fixed"
sox -R "$tmp/third-time.wav" third-time-loud.wav gain 12 pitch 300
