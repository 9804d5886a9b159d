/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack.rest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.actrack.Action;
import org.actrack.ActionGroup;

/**
 * The texts of a page of groups, rendered in one call for the reader: each member's text, and each group's summary,
 * its newest member's text followed by how many more actions it holds ({@code "… (+3)"}).
 */
final class RenderedMembers {

    private final Map<Long, String> summaries = new HashMap<>();

    /**
     * @param members every member of the page, in page order
     * @param texts their rendered texts, in the same order
     */
    RenderedMembers(List<Action> members, List<String> texts) {
        for (int i = 0; i < members.size(); i++) {
            summaries.put(members.get(i).id(), texts.get(i));
        }
    }

    String summary(Action action) {
        return summaries.get(action.id());
    }

    String summary(ActionGroup group) {
        String newest = summary(group.first());
        return group.actionCount() > 1 ? newest + " (+" + (group.actionCount() - 1) + ")" : newest;
    }

    boolean unread(ActionGroup group, Action action) {
        return group.unreadIds().contains(action.id());
    }
}
