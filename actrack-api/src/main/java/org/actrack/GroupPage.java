/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.List;
import java.util.Optional;

/**
 * One page of groups, newest group first, and the cursor of the next page.
 *
 * @param groups the groups of this page, by their newest action's (timestamp, id), newest first
 * @param nextCursor the opaque cursor to pass to {@link GroupedQuery#after(String)} for the next page, or
 *        {@code null} when this is the last page
 */
public record GroupPage(List<ActionGroup> groups, String nextCursor) {

    /**
     * Copies the groups into an unmodifiable list.
     *
     * @param groups the groups of this page, newest first
     * @param nextCursor the cursor of the next page, or {@code null} on the last page
     */
    public GroupPage {
        groups = List.copyOf(groups);
    }

    /**
     * The cursor of the next page, empty on the last page.
     *
     * @return the cursor of the next page
     */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    /**
     * Whether a next page exists.
     *
     * @return whether a next page exists
     */
    public boolean hasNext() {
        return nextCursor != null;
    }
}
