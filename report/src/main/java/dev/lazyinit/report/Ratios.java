package dev.lazyinit.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Ratios of single-shot times with a distribution-free 95 % interval: the cold benchmarks' trials are skewed
 * (a slow shot is many times the median), so means and normal errors would mislead.
 */
final class Ratios {

    /** Resamples of {@link #ofMedians}: enough for a stable 2.5 % / 97.5 % percentile. */
    private static final int RESAMPLES = 2000;

    private Ratios() {
    }

    /**
     * The median of per-round ratios, for subjects measured in the same rounds (the interleaved cold benchmark:
     * shot i of every subject comes from round i), with the order-statistic 95 % interval of that median.
     *
     * @param x the subject's shots, in round order
     * @param base the baseline's shots, in the same rounds
     * @return median of x[i] / base[i], with its interval (unknown for fewer than 6 rounds)
     */
    static Interval paired(double[] x, double[] base) {
        int n = Math.min(x.length, base.length);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = x[i] / base[i];
        }
        return medianWithInterval(r);
    }

    /**
     * The ratio of two medians of independent samples (different forks), with a 95 % percentile-bootstrap
     * interval; the resampling is seeded, so the same samples give the same interval.
     *
     * @param a the numerator's samples
     * @param b the denominator's samples
     * @return median(a) / median(b), with its interval (unknown for fewer than 3 samples on either side)
     */
    static Interval ofMedians(double[] a, double[] b) {
        double value = median(a) / median(b);
        if (a.length < 3 || b.length < 3) {
            return new Interval(value, Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(a.length * 31L + b.length);
        double[] ratios = new double[RESAMPLES];
        for (int k = 0; k < RESAMPLES; k++) {
            ratios[k] = median(resample(a, random)) / median(resample(b, random));
        }
        Arrays.sort(ratios);
        return new Interval(value, ratios[(int) (0.025 * RESAMPLES)], ratios[(int) (0.975 * RESAMPLES) - 1]);
    }

    /**
     * @param v samples
     * @return their median with the order-statistic 95 % interval: the k-th smallest and k-th largest, for the
     *         largest k with P(Binomial(n, ½) &lt; k) ≤ 2.5 %
     */
    static Interval medianWithInterval(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double median = median(s);
        int k = s.length > 1000 ? (int) Math.floor(s.length / 2.0 - 1.96 * Math.sqrt(s.length) / 2) // normal approx.
                : binomialRank(s.length);
        return k == 0 ? new Interval(median, Double.NaN, Double.NaN)
                : new Interval(median, s[k - 1], s[s.length - k]);
    }

    /** @return the largest k with P(Binomial(n, ½) ≤ k − 1) ≤ 2.5 % (exact; ½^n is still a double for n ≤ 1000) */
    private static int binomialRank(int n) {
        int k = 0;
        double cdf = 0;
        double pmf = Math.pow(0.5, n); // P(X = k)
        while (k < n && cdf + pmf <= 0.025) {
            cdf += pmf;
            k++;
            pmf = pmf * (n - k + 1) / k;
        }
        return k;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static double[] resample(double[] v, SplittableRandom random) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = v[random.nextInt(v.length)];
        }
        return r;
    }
}
