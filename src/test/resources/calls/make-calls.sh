#!/bin/sh
# Regenerates the caller turns of corpus.tsv in this directory: one WAV per caller utterance, named CALL-N.wav (the
# Nth thing caller CALL says), 8 kHz mono 16-bit PCM as Asterisk records a telephone caller.
#
# Needs espeak-ng, sox and festival with three voices (Debian: apt-get install espeak-ng sox festival
# festvox-kallpc16k festvox-kdlpc16k festvox-us-slt-hts), and target/empathy-ivr.jar for the FreeTTS voice (mvn
# package first). Run from anywhere: sh make-calls.sh
#
# Each call is spoken in one voice; the twelve voices take turns down the list of calls, so that every kind of call
# is heard in several engines and accents. The voices were chosen before any call was measured, and none is one the
# other tests use (callers/, confirmations/, escalating/):
#   espeak-ng  scot  en-gb-scotland at 140 words a minute   carib en-029 at 150        usf4 en-us+f4 at 130
#              lanc  en-gb-x-gbclan at 160                  usm7  en-us+m7 at 145       nyc  en-us-nyc at 155
#              wmid  en-gb-x-gbcwmd+f1 at 135               klatt en-us+klatt4 at 140
#   FreeTTS    kevin kevin16, through the line's own say command
#   festival   kal   kal_diphone (US male)   ked  ked_diphone (US male)   slt  cmu_us_slt_arctic_hts (US female, HTS)
#
# As in ../callers/make-callers.sh: 0.4 s of silence each side, no telephone band-pass, sox -R for repeatable bytes.
# A " ... " in the text is a pause of one second mid-sentence: the two halves are spoken separately and joined with
# one second of silence. Effects: "louder" is 6 dB up; "angry" is 12 dB up (clipping, as a shout does), 3 semitones
# higher and 15 % faster, the last turn of a caller getting angrier.
set -eu

cd "$(dirname "$0")"
jar=../../../../target/empathy-ivr.jar
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f ./*.wav

speak() { # voice text out.wav: the text as spoken by the voice, 8 kHz, no padding
  case $1 in
    scot)  espeak-ng -v en-gb-scotland    -s 140 -w "$tmp/raw.wav" "$2" ;;
    carib) espeak-ng -v en-029            -s 150 -w "$tmp/raw.wav" "$2" ;;
    usf4)  espeak-ng -v en-us+f4          -s 130 -w "$tmp/raw.wav" "$2" ;;
    lanc)  espeak-ng -v en-gb-x-gbclan    -s 160 -w "$tmp/raw.wav" "$2" ;;
    usm7)  espeak-ng -v en-us+m7          -s 145 -w "$tmp/raw.wav" "$2" ;;
    nyc)   espeak-ng -v en-us-nyc         -s 155 -w "$tmp/raw.wav" "$2" ;;
    wmid)  espeak-ng -v en-gb-x-gbcwmd+f1 -s 135 -w "$tmp/raw.wav" "$2" ;;
    klatt) espeak-ng -v en-us+klatt4      -s 140 -w "$tmp/raw.wav" "$2" ;;
    kevin) java -jar "$jar" say "$2" "$tmp/raw.wav" >/dev/null ;;
    kal|ked|slt)
      case $1 in kal) fv=kal_diphone ;; ked) fv=ked_diphone ;; slt) fv=cmu_us_slt_arctic_hts ;; esac
      printf '%s\n' "$2" > "$tmp/text.txt"
      text2wave -o "$tmp/raw.wav" -eval "(voice_$fv)" "$tmp/text.txt" ;;
    *) echo "make-calls.sh: unknown voice $1" >&2; exit 1 ;;
  esac
  sox -R "$tmp/raw.wav" -r 8000 -c 1 -b 16 "$3"
}

say() { # out.wav voice effect text
  case $4 in
    *" ... "*)
      speak "$2" "${4%% ... *}" "$tmp/first.wav"
      speak "$2" "${4#* ... }" "$tmp/second.wav"
      sox -R "$tmp/first.wav" "$tmp/first-paused.wav" pad 0 1.0
      sox -R "$tmp/first-paused.wav" "$tmp/second.wav" "$tmp/said.wav" ;;
    *) speak "$2" "$4" "$tmp/said.wav" ;;
  esac
  case $3 in
    -)      sox -R "$tmp/said.wav" "$1" pad 0.4 0.4 ;;
    louder) sox -R "$tmp/said.wav" "$1" gain 6 pad 0.4 0.4 ;;
    angry)  sox -R "$tmp/said.wav" "$1" gain 12 pitch 300 tempo 1.15 pad 0.4 0.4 ;;
    *) echo "make-calls.sh: unknown effect $3" >&2; exit 1 ;;
  esac
}

say conf-01-1.wav  scot  -      "my internet keeps dropping every evening"
say conf-01-2.wav  scot  -      "yes"
say conf-02-1.wav  carib -      "I was charged twice for my bill this month"
say conf-02-2.wav  carib -      "yes, that's right"
say conf-03-1.wav  usf4  -      "my printer won't connect to the wifi"
say conf-03-2.wav  usf4  -      "yeah"
say conf-04-1.wav  lanc  -      "the TV box shows a black screen"
say conf-04-2.wav  lanc  -      "correct"
say conf-05-1.wav  usm7  -      "I can't log in to my email account"
say conf-05-2.wav  usm7  -      "yes it is"
say conf-06-1.wav  nyc   -      "my phone has no dial tone"
say conf-06-2.wav  nyc   -      "that's right"
say conf-07-1.wav  wmid  -      "the router lights are blinking red"
say conf-07-2.wav  wmid  -      "yes please"
say conf-08-1.wav  klatt -      "my package never arrived"
say conf-08-2.wav  klatt -      "yes"
say conf-09-1.wav  kevin -      "my voicemail is full and I can't delete messages"
say conf-09-2.wav  kevin -      "yes"
say conf-10-1.wav  kal   -      "the app crashes when I open it"
say conf-10-2.wav  kal   -      "yes, that's correct"
say conf-11-1.wav  slt   -      "my internet is very slow"
say conf-11-2.wav  slt   -      "yes"
say conf-12-1.wav  ked   -      "I need to change my password"
say conf-12-2.wav  ked   -      "yeah, that's it"
say corr-01-1.wav  scot  -      "my internet keeps dropping"
say corr-01-2.wav  scot  -      "no, it's my phone line that is dead"
say corr-01-3.wav  scot  -      "yes"
say corr-02-1.wav  carib -      "I have a problem with my bill"
say corr-02-2.wav  carib -      "no, it's the router, it keeps restarting"
say corr-02-3.wav  carib -      "yes"
say corr-03-1.wav  usf4  -      "my TV has no sound"
say corr-03-2.wav  usf4  -      "no, the sound is fine, the picture is frozen"
say corr-03-3.wav  usf4  -      "yes"
say corr-04-1.wav  lanc  -      "I want to cancel my order"
say corr-04-2.wav  lanc  -      "no, I want to change the delivery address"
say corr-04-3.wav  lanc  -      "yes"
say corr-05-1.wav  usm7  -      "my email is not working"
say corr-05-2.wav  usm7  -      "it's my calendar that does not sync"
say corr-05-3.wav  usm7  -      "yes"
say corr-06-1.wav  nyc   -      "the wifi is slow upstairs"
say corr-06-2.wav  nyc   -      "actually it's the wifi in the basement that drops"
say corr-06-3.wav  nyc   -      "yes"
say corr-07-1.wav  wmid  -      "my phone bill is too high"
say corr-07-2.wav  wmid  -      "no, I was charged for a movie I never rented"
say corr-07-3.wav  wmid  -      "that's right"
say corr-08-1.wav  klatt -      "my internet is down"
say corr-08-2.wav  klatt -      "no, just my television service is down"
say corr-08-3.wav  klatt -      "yes"
say deny-01-1.wav  kevin -      "my internet keeps dropping"
say deny-01-2.wav  kevin -      "no"
say deny-01-3.wav  kevin -      "my landline phone has no dial tone"
say deny-01-4.wav  kevin -      "yes"
say deny-02-1.wav  kal   -      "the remote control is broken"
say deny-02-2.wav  kal   -      "no"
say deny-02-3.wav  kal   -      "my set top box ... will not turn on"
say deny-02-4.wav  kal   -      "yes"
say deny-03-1.wav  slt   -      "I lost my SIM card"
say deny-03-2.wav  slt   -      "nope"
say deny-03-3.wav  slt   -      "my SIM card stopped working after the update"
say deny-03-4.wav  slt   -      "yes"
say deny-04-1.wav  ked   -      "I can't hear the other person on calls"
say deny-04-2.wav  ked   -      "wrong"
say deny-04-3.wav  ked   -      "people can't hear me when I call them"
say deny-04-4.wav  ked   -      "yes"
say denys-01-1.wav scot  -      "my bill is wrong"
say denys-01-2.wav scot  -      "no, that's not right"
say denys-01-3.wav scot  -      "I was charged a late fee that I already paid"
say denys-01-4.wav scot  -      "yes"
say denys-02-1.wav carib -      "the internet is slow"
say denys-02-2.wav carib -      "that's not what I said"
say denys-02-3.wav carib -      "my internet stopped working after the storm"
say denys-02-4.wav carib -      "yes"
say denys-03-1.wav usf4  -      "my order came damaged"
say denys-03-2.wav usf4  -      "not really"
say denys-03-3.wav usf4  -      "I got the wrong size in my order"
say denys-03-4.wav usf4  -      "yes"
say denys-04-1.wav lanc  -      "my account is locked"
say denys-04-2.wav lanc  -      "no no no"
say denys-04-3.wav lanc  -      "I forgot my username for the website"
say denys-04-4.wav lanc  -      "yes"
say denys-05-1.wav usm7  -      "my smart speaker won't play music"
say denys-05-2.wav usm7  -      "no, that is wrong"
say denys-05-3.wav usm7  -      "my speaker does not connect to the app"
say denys-05-4.wav usm7  -      "yes"
say denys-06-1.wav nyc   -      "my mobile data is not working"
say denys-06-2.wav nyc   -      "no, that's not it at all"
say denys-06-3.wav nyc   -      "my phone keeps restarting by itself"
say denys-06-4.wav nyc   -      "yes"
say person-01-1.wav wmid  -      "I want to talk to a person"
say person-02-1.wav klatt -      "my modem is broken"
say person-02-2.wav klatt -      "can I speak to a real person please"
say person-03-1.wav kevin -      "agent"
say person-04-1.wav kal   -      "my bill is too high"
say person-04-2.wav kal   -      "I'd like to speak to a human"
say zero-02-1.wav  ked   -      "the internet is slow"
say zero-03-1.wav  scot  -      "it's Carlos"
say sil-01-1.wav   carib -      "my internet keeps dropping at night"
say sil-01-2.wav   carib -      "yes"
say sil-02-1.wav   usf4  -      "the phone line crackles"
say sil-02-2.wav   usf4  -      "yes"
say sil-05-1.wav   nyc   -      "hello? my router keeps rebooting"
say sil-05-2.wav   nyc   -      "yes"
say hang-01-1.wav  wmid  -      "my internet has been down since this morning"
say hang-02-1.wav  klatt -      "my bill has a charge I don't recognize"
say hang-03-1.wav  kevin -      "the cable box keeps freezing"
say hang-04-1.wav  kal   -      "my phone won't charge"
say hang-05-1.wav  slt   -      "I can't send text messages"
say ramble-01-1.wav ked   -      "hi, so, um, I've been a customer for about ten years, and since last Tuesday my internet keeps cutting out, usually in the evening when my kids are doing their homework, and I've already restarted the router three times"
say ramble-01-2.wav ked   -      "yes"
say ramble-02-1.wav scot  -      "okay so this is a bit complicated, my mother lives with us and she uses the landline to call her doctor, and for the last few days the phone just rings and rings and nobody can hear anything when she picks up"
say ramble-02-2.wav scot  -      "yes"
say ramble-03-1.wav carib -      "well, I got my bill yesterday and it's about forty dollars more than usual, I looked through it and there is a charge for international calls, but I never called anyone abroad"
say ramble-03-2.wav carib -      "yes, that's right"
say ramble-04-1.wav usf4  -      "I moved to a new apartment last month and ... the technician was supposed to install the internet on Friday, but he never showed up"
say ramble-04-2.wav usf4  -      "yes"
say ramble-05-1.wav lanc  -      "so I bought a new laptop and I was setting everything up, and the email works on my phone, but on the laptop it keeps asking for my password again and again"
say ramble-05-2.wav lanc  -      "yes"
say num-01-1.wav   usm7  -      "I was charged twice on my card, four five three two zero one five one one two eight three zero three six six"
say num-01-2.wav   usm7  -      "yes"
say num-02-1.wav   nyc   -      "my card number is five five five five five five five five five five five five four four four four and it was declined"
say num-02-2.wav   nyc   -      "yes"
say num-03-1.wav   wmid  -      "my account number is one two three four five six and I can't log in"
say num-03-2.wav   wmid  -      "yes"
say num-04-1.wav   klatt -      "I was charged forty five dollars for a call to area code two one two"
say num-04-2.wav   klatt -      "yes"
say num-05-1.wav   kevin -      "please call me back at five five five, two one two, three four five six, my internet is down"
say num-05-2.wav   kevin -      "yes"
say num-06-1.wav   kal   -      "my order number is eight eight four two and it never arrived"
say num-06-2.wav   kal   -      "yes"
say num-07-1.wav   slt   -      "I want to pay my bill with my card, the number is four one one one ... one one one one, one one one one, one one one one"
say num-07-2.wav   slt   -      "yes"
say angry-01-1.wav ked   -      "my bill is wrong again"
say angry-01-2.wav ked   louder "no, that is not what I said"
say angry-01-3.wav ked   angry  "this is the third time I'm calling about my bill and it is still not fixed"
say angry-02-1.wav scot  -      "my internet is out"
say angry-02-2.wav scot  louder "no! listen to me"
say angry-02-3.wav scot  angry  "I have been on hold for an hour and nobody fixes my internet, this is ridiculous"
say angry-03-1.wav carib -      "the technician did not show up"
say angry-03-2.wav carib louder "no, that's wrong"
say angry-03-3.wav carib angry  "this is unacceptable, I took a day off work for the technician and nobody came"
say angry-04-1.wav usf4  -      "I was overcharged on my bill"
say angry-04-2.wav usf4  louder "no, you are not listening"
say angry-04-3.wav usf4  angry  "I am so sick of this, every month the bill is wrong and nobody helps me"
say angry-05-1.wav lanc  -      "my phone keeps dropping calls"
say angry-05-2.wav lanc  louder "no, that is not it"
say angry-05-3.wav lanc  angry  "this is absolutely ridiculous, I pay every month and my phone never works"
say worry-01-1.wav usm7  -      "I'm really worried ... my mother's alarm stopped working"
say worry-01-2.wav usm7  -      "yes"
say worry-02-1.wav nyc   -      "I'm scared because my elderly father's emergency pendant has no signal"
say worry-02-2.wav nyc   -      "yes"
say worry-03-1.wav wmid  -      "I'm so anxious, I work from home and my internet has been down all day"
say worry-03-2.wav wmid  -      "yes"
say worry-04-1.wav klatt -      "please help, I'm worried I've been hacked, someone changed my password"
say worry-04-2.wav klatt -      "yes"
say worry-05-1.wav kevin -      "I'm really upset, my phone was stolen and I need to block my number"
say worry-05-2.wav kevin -      "yes"
say anon-01-1.wav  kal   -      "Maria"
say anon-01-2.wav  kal   -      "my internet keeps dropping"
say anon-01-3.wav  kal   -      "yes"
say anon-02-1.wav  slt   -      "it's Priya"
say anon-02-2.wav  slt   -      "my bill is higher than usual"
say anon-02-3.wav  slt   -      "yes"
say anon-03-1.wav  ked   -      "my name is Tom"
say anon-03-2.wav  ked   -      "the wifi password doesn't work"
say anon-03-3.wav  ked   -      "yes"
say anon-04-1.wav  scot  -      "hi, my television has no signal since yesterday"
say anon-04-2.wav  scot  -      "yes"
say anon-05-1.wav  carib -      "David"
say anon-05-2.wav  carib -      "I need help setting up voicemail"
say anon-05-3.wav  carib -      "yes"

# Callers who pause for a second mid-sentence, where a sentence goes on (after a noun, a conjunction, a verb): on a
# streamed line the assistant must wait for the rest.
say pause-01-1.wav lanc  -      "my laptop ... will not charge anymore"
say pause-01-2.wav lanc  -      "yes"
say pause-02-1.wav usm7  -      "I called yesterday about my internet and ... nobody has fixed it yet"
say pause-02-2.wav usm7  -      "yes"
say pause-03-1.wav slt   -      "the phone bill for this month is ... much higher than usual"
say pause-03-2.wav slt   -      "yes"
say pause-04-1.wav kevin -      "since last weekend my television ... keeps losing the picture"
say pause-04-2.wav kevin -      "yes"
