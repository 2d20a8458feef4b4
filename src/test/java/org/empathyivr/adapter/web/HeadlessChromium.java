package org.empathyivr.adapter.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.empathyivr.json.Json;

/**
 * Debian's real Chromium, headless, driven over the DevTools protocol with the JDK's WebSocket client: navigate,
 * evaluate JavaScript, take screenshots. A missing {@code chromium} is a named skip ({@code .ci/run} installs it).
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<Map<?, ?>>> answers = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts Chromium with a fresh profile and attaches to its first page. */
  public static HeadlessChromium start() throws Exception {
    Path binary = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(binary), "Chromium: /usr/bin/chromium is not installed (apt-get install chromium)");
    Path profile = Files.createTempDirectory("empathyivr-chromium");
    Process process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
        "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile, "--window-size=1280,900", "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile())
        .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
        if (!process.isAlive() || System.nanoTime() > deadline) throw new IOException("Chromium did not start");
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
      HttpClient http = HttpClient.newHttpClient();
      String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      String pageSocket = null;
      for (Object t : (List<?>) Json.read(targets)) {
        Map<?, ?> target = (Map<?, ?>) t;
        if ("page".equals(target.get("type"))) pageSocket = (String) target.get("webSocketDebuggerUrl");
      }
      if (pageSocket == null) throw new IOException("no page target in " + targets);
      HeadlessChromium[] self = new HeadlessChromium[1];
      WebSocket socket = http.newWebSocketBuilder()
          .buildAsync(URI.create(pageSocket), new Listener(m -> self[0].answered(m)))
          .get(30, TimeUnit.SECONDS);
      self[0] = new HeadlessChromium(process, profile, socket);
      return self[0];
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** Sends one DevTools command and waits for its result. */
  public Map<?, ?> send(String method, String paramsJson) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<Map<?, ?>> answer = new CompletableFuture<>();
    answers.put(id, answer);
    socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}", true).join();
    Map<?, ?> reply = answer.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (reply.get("error") != null) throw new IOException(method + ": " + reply.get("error"));
    return (Map<?, ?>) reply.get("result");
  }

  public void navigate(String url) throws Exception {
    send("Page.enable", "{}");
    send("Page.navigate", "{\"url\":" + quote(url) + "}");
    waitFor("document.readyState === 'complete'", Duration.ofSeconds(20));
  }

  /** The value of a JavaScript expression (awaited if a promise), as JSON turns it into Java. */
  public Object evaluate(String expression) throws Exception {
    Map<?, ?> result = send("Runtime.evaluate",
        "{\"expression\":" + quote(expression) + ",\"returnByValue\":true,\"awaitPromise\":true}");
    if (result.get("exceptionDetails") != null) throw new IOException(expression + ": " + result.get("exceptionDetails"));
    return ((Map<?, ?>) result.get("result")).get("value");
  }

  /** Polls a JavaScript condition until it is true. */
  public void waitFor(String condition, Duration wait) throws Exception {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!Boolean.TRUE.equals(evaluate("!!(" + condition + ")"))) {
      if (System.nanoTime() > deadline) throw new AssertionError("the page never showed: " + condition);
      Thread.sleep(20);
    }
  }

  /** A PNG of the page as a viewer of this width and height sees it. */
  public void screenshot(Path png, int width, int height, boolean mobile) throws Exception {
    send("Emulation.setDeviceMetricsOverride", "{\"width\":" + width + ",\"height\":" + height
        + ",\"deviceScaleFactor\":1,\"mobile\":" + mobile + "}");
    Thread.sleep(300); // the layout settles after the resize
    Map<?, ?> shot = send("Page.captureScreenshot", "{\"format\":\"png\"}");
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
  }

  @Override
  public void close() throws IOException {
    socket.abort();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(profile)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    } catch (IOException e) {
      // Chromium may still be writing its cache as it exits: a temp directory left behind is harmless.
    }
  }

  private void answered(Map<?, ?> message) {
    if (message.get("id") instanceof Number id) {
      CompletableFuture<Map<?, ?>> answer = answers.remove(id.intValue());
      if (answer != null) answer.complete(message);
    }
  }

  static String quote(String s) {
    return Json.write(s);
  }

  /** Puts frames back together into messages (Chromium splits large ones, screenshots above all). */
  private static final class Listener implements WebSocket.Listener {
    private final java.util.function.Consumer<Map<?, ?>> onMessage;
    private final StringBuilder partial = new StringBuilder();

    Listener(java.util.function.Consumer<Map<?, ?>> onMessage) {
      this.onMessage = onMessage;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        onMessage.accept((Map<?, ?>) Json.read(message));
      }
      webSocket.request(1);
      return null;
    }
  }
}
