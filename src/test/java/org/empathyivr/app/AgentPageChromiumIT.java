package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.empathyivr.adapter.web.HeadlessChromium;
import org.empathyivr.json.Json;
import org.empathyivr.simulate.SessionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent keeps the page open in a real headless Chromium; a simulated call is handed off, and the agent sees it
 * arrive at the top of the page without reloading. Prints the time from the handoff to the page showing it, and
 * leaves screenshots in {@code target/agent-page-*.png}.
 */
class AgentPageChromiumIT {
  @TempDir Path root;

  @Test
  void aHandoffAppearsOnTheOpenAgentPageWithoutAReload() throws Exception {
    try (RunningSupportLine line = RunningSupportLine.start(root, "5551234,Maria Lopez\n");
        HeadlessChromium browser = HeadlessChromium.start()) {
      line.call("5557777", "Dana Whitfield", "hangup"); // an earlier call: the page opens with it listed
      browser.navigate(line.agentPageUrl());
      browser.waitFor("!document.getElementById('login').hidden", Duration.ofSeconds(10));
      browser.evaluate("document.getElementById('token').value = '" + RunningSupportLine.AGENT_TOKEN + "';"
          + " document.getElementById('login-form').requestSubmit(); true");
      browser.waitFor("document.getElementById('status').textContent === 'live'", Duration.ofSeconds(20));
      assertEquals(1, browser.evaluate("document.querySelectorAll('.handoff').length"));
      // Marks this page load, and notes when each card appears, by the browser's clock (the same machine's).
      browser.evaluate("window.sameLoad = true; window.seenAt = {};"
          + " new MutationObserver(() => document.querySelectorAll('.handoff').forEach(c => {"
          + "   if (!(c.dataset.id in window.seenAt)) window.seenAt[c.dataset.id] = Date.now(); }))"
          + " .observe(document.getElementById('list'), {childList: true}); true");

      SessionResult call = line.call("5551234", "Maria Lopez", "internet-dropping.wav", "yes.wav");

      String id = call.variable("HANDOFF_ID").orElseThrow();
      browser.waitFor("window.seenAt && window.seenAt['" + id + "']", Duration.ofSeconds(20));
      assertEquals(Boolean.TRUE, browser.evaluate("window.sameLoad === true"), "no reload");
      String record = line.storedHandoffs().get(0);
      Map<?, ?> stored = (Map<?, ?>) Json.read(record);
      long handoffAt = Instant.parse((String) stored.get("at")).toEpochMilli();
      long shownAt = ((Number) browser.evaluate("window.seenAt['" + id + "']")).longValue();
      System.out.printf("agent page: handoff %s shown %d ms after the handoff was made%n", id, shownAt - handoffAt);

      String card = (String) browser.evaluate("document.querySelector('.handoff').innerText");
      assertEquals(id, browser.evaluate("document.querySelector('.handoff').dataset.id"), "newest first");
      assertTrue(card.contains("Maria Lopez") && card.contains("5551234"), card);
      assertTrue(card.contains("Maria Lopez says their internet"), "the spoken summary: " + card);
      assertTrue(card.contains("confirmed") && Pattern.compile("(calm|a little frustrated|frustrated) \\(0\\.\\d\\d\\)").matcher(card).find(),
          "confirmed, frustration level: " + card);
      browser.evaluate("document.querySelector('.handoff details').open = true; true");
      String transcript = (String) browser.evaluate("document.querySelector('.handoff table').innerText");
      assertTrue(transcript.contains("Caller") && transcript.contains("internet") && transcript.contains("conf. 0."),
          transcript);
      browser.screenshot(Path.of("target", "agent-page-laptop.png"), 1280, 900, false);
      browser.screenshot(Path.of("target", "agent-page-phone.png"), 390, 844, true);

      // More handoffs for the figure: each measured from the handoff's own time to its card appearing.
      List<Long> latencies = new ArrayList<>(List.of(shownAt - handoffAt));
      for (int i = 0; i < 4; i++) {
        String next = line.call("555200" + i, "Caller " + i, "hangup").variable("HANDOFF_ID").orElseThrow();
        browser.waitFor("window.seenAt['" + next + "']", Duration.ofSeconds(20));
        Map<?, ?> h = line.newestHandoff();
        assertEquals(next, h.get("id"));
        latencies.add(((Number) browser.evaluate("window.seenAt['" + next + "']")).longValue()
            - Instant.parse((String) h.get("at")).toEpochMilli());
      }
      List<Long> sorted = latencies.stream().sorted().toList();
      System.out.printf("agent page: handoff to card on the page, %d handoffs: median %d ms, max %d ms %s%n",
          sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), latencies);

      browser.evaluate("const s = document.getElementById('search'); s.value = 'whit';"
          + " s.dispatchEvent(new Event('input')); true");
      browser.waitFor("document.getElementById('scope').textContent.includes('whit')"
          + " && document.querySelectorAll('.handoff').length === 1", Duration.ofSeconds(10));
      assertTrue(((String) browser.evaluate("document.querySelector('.handoff').innerText")).contains("Dana Whitfield"));
    }
  }
}
