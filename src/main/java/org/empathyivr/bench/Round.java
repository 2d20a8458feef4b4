package org.empathyivr.bench;

import java.util.List;

/**
 * What one round of calls placed at once gave.
 *
 * @param wallMs from placing the first call to the last one ending
 * @param turnTimesMs for every caller turn, the end of its recording to the service's next command (the reply prompt
 *     ready to play)
 * @param firstPromptMs for every call, connecting to the first prompt being asked for
 * @param gapsMs for every prompt that followed one played to its end, the end of that one to this one asked for: the
 *     dead air inside what the assistant says
 * @param failures why each call that went wrong did
 * @param calls how many calls these figures are of
 */
record Round(long wallMs, List<Long> turnTimesMs, List<Long> firstPromptMs, List<Long> gapsMs, List<String> failures,
    int calls) {}
