package org.empathyivr.domain.summary;

import java.time.Instant;

/**
 * One phrasebook line the assistant spoke, by id: the call's empathy record ("acknowledge.feeling" at 10:02:13), for the
 * agent's summary and for analytics.
 *
 * @param at when the line was spoken
 * @param id the phrasebook id ("greeting.named", "reflect.lead", ...)
 */
public record PhraseUse(Instant at, String id) {}
