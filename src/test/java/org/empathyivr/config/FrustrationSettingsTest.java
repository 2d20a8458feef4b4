package org.empathyivr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.empathyivr.domain.frustration.FrustrationSettings;
import org.junit.jupiter.api.Test;

class FrustrationSettingsTest {
  @Test
  void theDocumentedDefaultsAreTheDomainDefaults() throws ConfigException {
    assertEquals(FrustrationSettings.defaults(), SettingsReader.read(Optional.empty()).dialog().frustration());
  }

  @Test
  void anAdminCanRaiseTheThresholdAndThePriority() throws ConfigException {
    FrustrationSettings read =
        SettingsReader.read(Map.of("frustration.threshold", "0.95", "frustration.priority", "20"))
            .dialog().frustration();
    assertEquals(0.95, read.threshold());
    assertEquals(20, read.priority());
  }

  @Test
  void aBadWeightStopsStartupNamingTheKey() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> SettingsReader.read(Map.of("frustration.dialog.denial", "lots")));
    assertTrue(e.getMessage().contains("'frustration.dialog.denial'"), e.getMessage());
    assertThrows(ConfigException.class, () -> SettingsReader.read(Map.of("frustration.threshold", "1.5")));
  }
}
