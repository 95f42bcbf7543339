package io.github.anomaly4j.features;

/** {@code (x - center) / scale} with fitted, fixed parameters: no running state. */
final class ScalerKernel extends Kernel {
    private final double center;
    private final double scale;

    ScalerKernel(double center, double scale) {
        this.center = center;
        this.scale = scale;
    }

    @Override
    public void apply(long timestamp, double[] in, double[] out) {
        double x = single(in, out);
        if (x == x) {
            update(timestamp, x, out, 0);
        } else {
            out[0] = Double.NaN;
        }
    }

    @Override
    void update(long timestamp, double x, double[] out, int off) {
        out[off] = (x - center) / scale;
    }

    @Override
    ColumnSnapshot save() {
        return new ColumnSnapshot(new long[0], new double[] {center, scale});
    }

    @Override
    void check(ColumnSnapshot s) {
        s.requireLayout("scaler", 0, 2);
        require(Double.compare(s.value(0), center) == 0 && Double.compare(s.value(1), scale) == 0,
                "scaler parameters differ");
    }

    @Override
    void load(ColumnSnapshot s) {
        // nothing runs: the parameters are the transform's
    }
}
