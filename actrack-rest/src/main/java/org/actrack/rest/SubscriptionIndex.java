/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.actrack.ObjectRef;

/**
 * The node's open live feeds by what they follow: objects by key, whole types by entity name. A new action is looked
 * up by its objects and their types, so only the feeds it may enter are asked ({@link FeedMatcher}), whatever the
 * number of feeds open. Used by the feeds' dispatcher thread only.
 */
final class SubscriptionIndex {

    private final Map<String, Set<LiveFeed>> byObject = new HashMap<>();
    private final Map<String, Set<LiveFeed>> byType = new HashMap<>();
    private final Map<LiveFeed, List<ObjectRef>> filed = new HashMap<>();

    /** Files a feed under what its matcher follows (again, after its trackers changed). */
    void put(LiveFeed feed) {
        remove(feed);
        List<ObjectRef> followed = feed.matcher().followed();
        for (ObjectRef ref : followed) {
            (ref.isWholeType() ? byType : byObject)
                    .computeIfAbsent(ref.isWholeType() ? ref.type() : ref.key(), k -> new HashSet<>())
                    .add(feed);
        }
        filed.put(feed, followed);
    }

    void remove(LiveFeed feed) {
        List<ObjectRef> followed = filed.remove(feed);
        if (followed == null) {
            return;
        }
        for (ObjectRef ref : followed) {
            Map<String, Set<LiveFeed>> index = ref.isWholeType() ? byType : byObject;
            String key = ref.isWholeType() ? ref.type() : ref.key();
            Set<LiveFeed> feeds = index.get(key);
            if (feeds != null) {
                feeds.remove(feed);
                if (feeds.isEmpty()) {
                    index.remove(key);
                }
            }
        }
    }

    /** The open feeds the action enters. */
    List<LiveFeed> feedsOf(ActionFacts action) {
        Set<LiveFeed> candidates = new LinkedHashSet<>();
        for (ObjectRef ref : action.objects()) {
            candidates.addAll(byObject.getOrDefault(ref.key(), Set.of()));
            candidates.addAll(byType.getOrDefault(ref.type(), Set.of()));
        }
        List<LiveFeed> entered = new ArrayList<>();
        for (LiveFeed feed : candidates) {
            if (!feed.isClosed() && feed.matcher().matches(action)) {
                entered.add(feed);
            }
        }
        return entered;
    }

    /** Every feed filed. */
    Set<LiveFeed> feeds() {
        return filed.keySet();
    }

    boolean isEmpty() {
        return filed.isEmpty();
    }
}
