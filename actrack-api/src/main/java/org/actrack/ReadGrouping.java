/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.time.Duration;
import java.util.Objects;

/**
 * How the actions of one verb fall into groups when a query is read {@linkplain ActionQuery#grouped() grouped}: a
 * verb's {@link ActionHandler#readGrouping()} returns it. Two actions of the verb are in one group when they have the
 * same grouping object ({@link By}) and their timestamps fall into the same time bucket: buckets are {@code bucket}
 * long and start at the epoch (1970-01-01T00:00Z), so a day's bucket is a UTC day. Grouping happens when the query is
 * read, so changing a rule regroups the whole history at the next read; nothing stored changes.
 *
 * <pre>{@code
 * @Verb("liked") @ApplicationScoped
 * public class LikedHandler implements ActionHandler {
 *     public ReadGrouping readGrouping() {
 *         return ReadGrouping.byTarget().within(Duration.ofHours(1)); // "alice and 3 others liked your photo"
 *     }
 * }
 * }</pre>
 *
 * @param by what the actions of a group have in common besides their verb
 * @param bucket the length of the time buckets, whole seconds from 1 second to 366 days; {@code null} for
 *        {@link SettingKeys#GROUP_BUCKET}
 */
public record ReadGrouping(By by, Duration bucket) {

    /** The longest time bucket, in seconds: 366 days. */
    public static final int MAX_BUCKET_SECONDS = 366 * 86_400;

    /** What the default handler returns: by first target, in buckets of {@link SettingKeys#GROUP_BUCKET}. */
    public static final ReadGrouping DEFAULT = new ReadGrouping(By.TARGET, null);

    /** What the actions of one group have in common besides their verb and time bucket. */
    public enum By {
        /** The first target: "alice and 3 others commented on the report". Actions without a target group together. */
        TARGET,
        /** The actor: "alice commented 4 times". */
        ACTOR,
        /** Nothing else: "12 stations arrived". */
        VERB,
        /** Each action is a group of its own: the verb is never grouped. */
        NONE
    }

    /**
     * Checks the bucket.
     *
     * @param by what the actions of a group have in common besides their verb
     * @param bucket the length of the time buckets, or {@code null} for the setting
     * @throws ActrackException ({@link ErrorCode#INVALID_GROUP_BUCKET}) when the bucket is not whole seconds from 1
     *         second to 366 days
     */
    public ReadGrouping {
        Objects.requireNonNull(by, "by");
        if (bucket != null
                && (bucket.getNano() != 0 || bucket.getSeconds() < 1 || bucket.getSeconds() > MAX_BUCKET_SECONDS)) {
            throw new ActrackException(
                    ErrorCode.INVALID_GROUP_BUCKET,
                    "The time bucket " + bucket + " of a read-time grouping is out of range; it must be whole seconds"
                            + " from 1 second to 366 days (PT8784H)");
        }
    }

    /**
     * Groups by verb, first target and time bucket (the default).
     *
     * @return the rule, with the bucket of {@link SettingKeys#GROUP_BUCKET}
     */
    public static ReadGrouping byTarget() {
        return DEFAULT;
    }

    /**
     * Groups by verb, actor and time bucket.
     *
     * @return the rule, with the bucket of {@link SettingKeys#GROUP_BUCKET}
     */
    public static ReadGrouping byActor() {
        return new ReadGrouping(By.ACTOR, null);
    }

    /**
     * Groups by verb and time bucket only.
     *
     * @return the rule, with the bucket of {@link SettingKeys#GROUP_BUCKET}
     */
    public static ReadGrouping byVerb() {
        return new ReadGrouping(By.VERB, null);
    }

    /**
     * Never groups: every action of the verb is a group of one.
     *
     * @return the rule
     */
    public static ReadGrouping none() {
        return new ReadGrouping(By.NONE, null);
    }

    /**
     * This rule with time buckets of the given length.
     *
     * @param length whole seconds, from 1 second to 366 days
     * @return the rule
     * @throws ActrackException ({@link ErrorCode#INVALID_GROUP_BUCKET}) when the length is out of range
     */
    public ReadGrouping within(Duration length) {
        return new ReadGrouping(by, Objects.requireNonNull(length, "length"));
    }
}
