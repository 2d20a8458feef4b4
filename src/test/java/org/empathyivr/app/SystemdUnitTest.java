package org.empathyivr.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.empathyivr.config.SettingsReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** systemd/empathy-ivr.service is a unit systemd accepts without a warning, hardened and with a bounded stop. */
class SystemdUnitTest {
  private static final Path UNIT = Path.of("systemd", "empathy-ivr.service");
  private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");

  @TempDir Path dir;

  @Test
  void systemdAnalyzeVerifiesTheUnitWithoutAWarning() throws Exception {
    String complaints = verify(Files.readString(UNIT));

    assertEquals("", complaints);
  }

  @Test
  void theVerificationCatchesAMistypedDirective() throws Exception {
    String mistyped = Files.readString(UNIT).replace("NoNewPrivileges=yes", "NoNewPrivilege=yes");

    String complaints = verify(mistyped);

    assertTrue(complaints.contains("NoNewPrivilege"), complaints);
  }

  @Test
  void runsHardenedAsItsOwnUserWithOnlyTheSpoolDatabaseAndLogsWritable() throws Exception {
    Map<String, String> service = directives(Files.readString(UNIT));

    assertEquals("empathy-ivr", service.get("User"));
    for (String on : List.of("NoNewPrivileges", "ProtectHome", "PrivateTmp", "PrivateDevices", "RestrictSUIDSGID")) {
      assertEquals("yes", service.get(on), on);
    }
    assertEquals("strict", service.get("ProtectSystem"));
    assertEquals("/var/spool/empathy-ivr /var/lib/empathy-ivr", service.get("ReadWritePaths"));
    assertEquals("empathy-ivr", service.get("LogsDirectory"));
    assertEquals("on-failure", service.get("Restart"));
    assertEquals("/etc/empathy-ivr/empathy-ivr.env", service.get("EnvironmentFile"));
    assertTrue(Files.isRegularFile(Path.of("systemd", "empathy-ivr.env")));
  }

  @Test
  void systemdWaitsLongerThanTheServiceWaitsForCallsInProgress() throws Exception {
    Map<String, String> service = directives(Files.readString(UNIT));
    int stopWait = Integer.parseInt(SettingsReader.DEFAULTS.get("agi.stop-wait-seconds"));

    assertTrue(Integer.parseInt(service.get("TimeoutStopSec")) >= stopWait + 15,
        "TimeoutStopSec " + service.get("TimeoutStopSec") + " leaves no time after agi.stop-wait-seconds " + stopWait);
    assertEquals("143", service.get("SuccessExitStatus"));
  }

  @Test
  void theEnvironmentFileReadsTheSameInAShellAsInSystemdAndItsJvmOptionsReachTheJvmAsWords() throws Exception {
    Map<String, String> asSystemd = DeployedEnvironment.variables();
    // docs/performance.md runs bench and soak after "set -a; . systemd/empathy-ivr.env; set +a".
    Process sh = new ProcessBuilder("sh", "-c", "set -a; . ./" + DeployedEnvironment.FILE + "; set +a; env -0")
        .start();
    String env = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(sh.waitFor(30, TimeUnit.SECONDS));
    Map<String, String> asShell = new TreeMap<>();
    for (String pair : env.split("\0")) {
      if (pair.contains("=")) asShell.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
    }

    for (Map.Entry<String, String> v : asSystemd.entrySet()) {
      assertEquals(v.getValue(), asShell.get(v.getKey()), v.getKey());
    }
    assertTrue(DeployedEnvironment.javaOptions().contains("-Xmx512m"), DeployedEnvironment.javaOptions().toString());
    assertTrue(DeployedEnvironment.javaOptions().stream().allMatch(o -> o.startsWith("-")),
        "one option a word: " + DeployedEnvironment.javaOptions());
    // Unbraced, systemd splits the value at whitespace; "${JAVA_OPTS}" would pass it as one argument.
    assertTrue(directives(Files.readString(UNIT)).get("ExecStart").contains(" $JAVA_OPTS "));
  }

  private static Map<String, String> directives(String unit) {
    return unit.lines()
        .filter(l -> !l.startsWith("#") && l.contains("="))
        .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1),
            (a, b) -> a + " " + b, TreeMap::new));
  }

  /**
   * Runs systemd-analyze verify on the unit written to a temporary directory, with ExecStart's java replaced by this
   * JVM's (systemd checks that the program exists); returns what it said about the unit.
   */
  private String verify(String unit) throws IOException, InterruptedException {
    assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "no " + SYSTEMD_ANALYZE + " on this machine");
    String java = ProcessHandle.current().info().command().orElse("/usr/bin/java");
    Path copy = dir.resolve("empathy-ivr.service");
    Files.writeString(copy, unit.replace("ExecStart=/usr/bin/java ", "ExecStart=" + java + " "));
    Process verify = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", copy.toString())
        .redirectErrorStream(true)
        .start();
    String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(verify.waitFor(60, TimeUnit.SECONDS), "systemd-analyze did not finish");
    // Only what concerns this unit: in a container systemd may also complain about the machine's own units.
    String aboutUnit = Arrays.stream(said.split("\n"))
        .filter(l -> l.contains("empathy-ivr"))
        .collect(Collectors.joining("\n"));
    if (verify.exitValue() != 0 && aboutUnit.isEmpty()) aboutUnit = said.strip();
    return aboutUnit;
  }
}
