/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.engine.read;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.actrack.ActionHandler;
import org.actrack.ReadGrouping;

/**
 * The read-time grouping rule of every verb ({@link ActionHandler#readGrouping()}), asked of the handlers of the verbs
 * that have one of their own, once, at the first grouped read (handlers may be beans not yet usable while the engine is
 * built). Every other verb groups by first target in buckets of the setting.
 */
public final class GroupRules {

    /** One verb's rule: what its groups share, and its bucket in seconds. */
    public record Rule(ReadGrouping.By by, int bucketSeconds) {}

    private final Function<String, ActionHandler> handlers;
    private final Set<String> verbs;
    private final Rule fallback;
    private volatile Map<String, Rule> exceptions;

    /**
     * @param verbs the verbs whose handlers may differ from the default one
     * @param defaultBucketSeconds {@link org.actrack.SettingKeys#GROUP_BUCKET}
     */
    public GroupRules(Function<String, ActionHandler> handlers, Collection<String> verbs, int defaultBucketSeconds) {
        this.handlers = handlers;
        this.verbs = new TreeSet<>(verbs);
        this.fallback = new Rule(ReadGrouping.By.TARGET, defaultBucketSeconds);
    }

    /** The rule of every verb not among {@link #exceptions()}. */
    public Rule fallback() {
        return fallback;
    }

    /** The verbs whose rule is not the fallback, with their rules, in verb order. */
    public Map<String, Rule> exceptions() {
        Map<String, Rule> known = exceptions;
        if (known == null) {
            Map<String, Rule> rules = new LinkedHashMap<>();
            for (String verb : verbs) {
                ReadGrouping grouping = handlers.apply(verb).readGrouping();
                Rule rule = new Rule(
                        grouping.by(),
                        grouping.bucket() == null
                                ? fallback.bucketSeconds()
                                : (int) grouping.bucket().getSeconds());
                if (!rule.equals(fallback)) {
                    rules.put(verb, rule);
                }
            }
            known = java.util.Collections.unmodifiableMap(rules);
            exceptions = known;
        }
        return known;
    }

    /** The rule of a verb. */
    public Rule of(String verb) {
        return exceptions().getOrDefault(verb, fallback);
    }

    /**
     * The latest end of a bucket that holds {@code position} under any rule: how far above a position a group with
     * actions below it may reach.
     */
    public Instant bucketEndAfter(Instant position) {
        long end = bucketEnd(position.getEpochSecond(), fallback.bucketSeconds());
        for (Rule rule : exceptions().values()) {
            if (rule.by() != ReadGrouping.By.NONE) {
                end = Math.max(end, bucketEnd(position.getEpochSecond(), rule.bucketSeconds()));
            }
        }
        return Instant.ofEpochSecond(end);
    }

    private static long bucketEnd(long epochSecond, long bucketSeconds) {
        return (Math.floorDiv(epochSecond, bucketSeconds) + 1) * bucketSeconds;
    }

    /** The verbs of each rule other than the fallback, so that the statement names each rule once. */
    Map<Rule, List<String>> verbsByRule() {
        Map<Rule, List<String>> byRule = new LinkedHashMap<>();
        exceptions()
                .forEach((verb, rule) -> byRule.computeIfAbsent(rule, r -> new java.util.ArrayList<>())
                        .add(verb));
        return byRule;
    }
}
