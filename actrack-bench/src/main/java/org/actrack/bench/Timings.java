/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.bench;

import java.util.Arrays;
import java.util.List;

/** The times of one variant of one workload, in nanoseconds, and their median and 95th percentile. */
record Timings(long[] nanos) {

    static Timings of(List<Long> samples) {
        return new Timings(samples.stream().mapToLong(Long::longValue).toArray());
    }

    double medianMillis() {
        return percentileMillis(0.5);
    }

    double p95Millis() {
        return percentileMillis(0.95);
    }

    private double percentileMillis(double rank) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted.length == 0
                ? 0
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(rank * sorted.length) - 1)] / 1e6;
    }
}
