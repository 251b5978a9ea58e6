package dev.lazyinit.report;

import java.util.Locale;
import java.util.Optional;

/**
 * What one benchmark family of one run can tell apart, learned from its A/A control: the same code measured twice
 * under two names, scheduled like every other entry. Their ratio should be 1.00×; how far its interval reaches
 * from 1.00× is the smallest difference this run can resolve. A ratio of a strategy to its baseline is shown as a
 * difference only if its own interval leaves out 1.00× <em>and</em> it lies beyond that reach; otherwise it is
 * {@code ≈}, and no ranking is made among such ratios. If the A/A interval itself leaves out 1.00×, two runs of
 * identical code differed beyond their own error: the run was disturbed (other load, a drifting machine).
 *
 * @param what the A/A pair in words, for the report
 * @param aa the A/A ratio (second name ÷ first) with its interval, if both names were measured
 * @param disturbedBy a check of this family that failed, in words: then this run resolves nothing in it
 */
record Resolution(String what, Optional<Interval> aa, Optional<String> disturbedBy) {

    /**
     * @param what the A/A pair in words
     * @param aa the A/A ratio, if measured
     */
    Resolution(String what, Optional<Interval> aa) {
        this(what, aa, Optional.empty());
    }

    /**
     * @param why a check of this family that failed, in words
     * @return this resolution, resolving nothing and saying why
     */
    Resolution disturbedBy(String why) {
        return new Resolution(what, aa, Optional.of(why));
    }

    /** @return the smallest |ratio − 1| this run can resolve; NaN when there is no A/A pair or no interval */
    double reach() {
        return aa.filter(Interval::known).map(Interval::reach).orElse(Double.NaN);
    }

    /** @return whether the A/A pair differed beyond its own interval */
    boolean disturbed() {
        return aa.filter(Interval::known).map(i -> !i.holdsOne()).orElse(false);
    }

    /**
     * @param ratio a strategy's ratio to its baseline
     * @return whether this run resolves it from 1.00×: its interval leaves out 1.00× and it lies beyond the A/A's
     *         reach (without an A/A pair, its own interval decides; without an interval, nothing is resolved)
     */
    boolean resolves(Interval ratio) {
        if (disturbedBy.isPresent() || !ratio.known() || ratio.holdsOne()) {
            return false;
        }
        double reach = reach();
        return Double.isNaN(reach) || Math.abs(ratio.value() - 1) > reach;
    }

    /**
     * @param ratio a ratio to the baseline
     * @return it, judged by this resolution
     */
    Guide.Compared compare(Interval ratio) {
        return new Guide.Compared(ratio, resolves(ratio));
    }

    /**
     * @param ratio a ratio to the baseline
     * @return it with its interval, marked {@code ≈} when this run cannot tell it from 1.00×
     */
    String cell(Interval ratio) {
        return compare(ratio).cell();
    }

    /** @return a sentence about the A/A pair: its ratio, the resolution, and whether the run was disturbed */
    String sentence() {
        return disturbedBy.map(why -> aaSentence() + " **Run disturbed:** " + why + "; no ratio of this family is"
                + " ranked.").orElseGet(this::aaSentence);
    }

    private String aaSentence() {
        if (aa.isEmpty()) {
            return "No A/A control in these results (" + what + "): differences are judged by their own interval"
                    + " only.";
        }
        Interval i = aa.get();
        if (!i.known()) {
            return "A/A control (" + what + "): " + i + ", without an interval (too few samples): this run resolves"
                    + " nothing, every ratio is ≈.";
        }
        String s = "A/A control (" + what + "): " + i + ", so this run resolves differences beyond ±"
                + String.format(Locale.ROOT, "%.0f %%", 100 * reach()) + "; ratios inside that are ≈ and not ranked.";
        return disturbed() ? s + " **Run disturbed:** the two names of the same code differ beyond their own"
                + " interval, so the intervals miss a source of variation (other load on the machine, which more"
                + " forks, read at the fastest, step around) and the resolution above is the honest one:"
                + " measure again on a quiet machine, or with more forks (`./bench full`)." : s;
    }
}
