/**
 * actrack: record who did what to which JPA entities, let users track objects and entity types, and
 * read feeds and streams of what happened.
 *
 * <p>Start at {@link org.actrack.ActionLog}. Options are {@link org.actrack.LogOption} and
 * {@link org.actrack.TrackOption}; queries are {@link org.actrack.ActionQuery} and
 * {@link org.actrack.TrackerQuery}; settings are {@link org.actrack.ActrackSettings} with the keys of
 * {@link org.actrack.SettingKeys}.
 */
package org.actrack;
