package org.empathyivr.simulate;

/** Asterisk's variable inheritance prefixes: {@code _NAME} and {@code __NAME} are {@code NAME} to a lookup. */
final class VariableNames {
  private VariableNames() {}

  static String plain(String name) {
    if (name.startsWith("__")) return name.substring(2);
    if (name.startsWith("_")) return name.substring(1);
    return name;
  }
}
