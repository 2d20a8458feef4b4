package org.empathyivr.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * What every wrapper of a port must do: pass each of the port's methods on to the object it wraps. Reflection over the
 * port finds the methods, so a method added to the port later is checked too.
 */
public final class ForwardingContract {
  private ForwardingContract() {}

  /** {@code forwarding} declares every instance method of {@code port} itself, none left to a default or abstract. */
  public static void assertDeclaresEveryMethod(Class<?> port, Class<?> forwarding) {
    for (Method m : instanceMethods(port)) {
      try {
        Method declared = forwarding.getDeclaredMethod(m.getName(), m.getParameterTypes());
        assertFalse(Modifier.isAbstract(declared.getModifiers()), declared + " is abstract");
      } catch (NoSuchMethodException e) {
        fail(forwarding.getSimpleName() + " does not forward " + m);
      }
    }
  }

  /**
   * Each instance method of {@code port}, called on {@code wrap(delegate)}, reaches a recording delegate once, as the
   * same method with the same arguments.
   */
  public static <T> void assertForwardsEveryMethod(Class<T> port, Function<T, T> wrap) throws Exception {
    List<String> reached = new ArrayList<>();
    T delegate = port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
        (proxy, method, args) -> switch (method.getName()) {
          case "toString" -> "recording " + port.getSimpleName();
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          default -> {
            reached.add(call(method, args));
            yield sampleOf(method.getReturnType());
          }
        }));
    T wrapper = wrap.apply(delegate);
    for (Method m : instanceMethods(port)) {
      Object[] args = Arrays.stream(m.getParameterTypes()).map(ForwardingContract::sampleOf).toArray();
      reached.clear();
      try {
        Object result = m.invoke(wrapper, args);
        if (result instanceof AutoCloseable closeable) closeable.close();
      } catch (InvocationTargetException e) {
        throw new AssertionError(m + " failed on " + wrapper, e.getCause());
      }
      assertEquals(List.of(call(m, args)), reached, wrapper.getClass().getName() + " does not forward " + m);
    }
  }

  private static List<Method> instanceMethods(Class<?> port) {
    return Arrays.stream(port.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers())).toList();
  }

  private static String call(Method method, Object[] args) {
    return method.getName() + (args == null ? List.of() : Arrays.asList(args));
  }

  /** A value of {@code type} to pass or return; add one here when a port takes or gives a new type. */
  private static Object sampleOf(Class<?> type) {
    if (type == void.class) return null;
    if (type == boolean.class) return true;
    if (type == String.class) return "my internet keeps dropping";
    if (type == List.class) return List.of("maria", "james");
    if (type == Audio.class) return Audio.silence(Audio.TELEPHONY_RATE_HZ, 100);
    if (type == Transcript.class) return Transcript.EMPTY;
    if (type == TranscriptionStream.class) return TranscriptionStream.collecting(audio -> Transcript.EMPTY);
    throw new IllegalArgumentException("no sample " + type.getName() + ": add one to ForwardingContract.sampleOf");
  }
}
