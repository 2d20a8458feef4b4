package org.empathyivr.config;

/** The configuration cannot be used. The message names the key or file and says why. */
public final class ConfigException extends Exception {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
