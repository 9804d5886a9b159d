/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

import java.util.List;
import java.util.Optional;

/**
 * One page of actions, newest first, and the cursor of the next page.
 *
 * @param actions the actions of this page, newest first by (timestamp, id)
 * @param nextCursor the opaque cursor to pass to {@link ActionQuery#after(String)} for the next page,
 *        or {@code null} when this is the last page
 */
public record ActionPage(List<Action> actions, String nextCursor) {

    /**
     * Copies the actions into an unmodifiable list.
     *
     * @param actions the actions of this page, newest first by (timestamp, id)
     * @param nextCursor the opaque cursor to pass to {@link ActionQuery#after(String)} for the next page, or {@code null} when this is the last page
     */
    public ActionPage {
        actions = List.copyOf(actions);
    }

    /**
     * The cursor of the next page, empty on the last page.
     *
     * @return the cursor of the next page, empty on the last page
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
