package io.github.anomaly4j.benchmarks;

/** A main for {@link SideBySideTest}: prints which class loader loaded it and the arguments it got. */
public final class SideBySideProbe {
    private SideBySideProbe() {
    }

    /** @param args echoed, comma-separated */
    public static void main(String[] args) {
        System.out.println(System.identityHashCode(SideBySideProbe.class.getClassLoader()) + " "
                + String.join(",", args));
    }
}
