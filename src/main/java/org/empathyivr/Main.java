package org.empathyivr;

public final class Main {
  public static void main(String[] args) {
  }
}
