/*
 * Copyright 2026 the actrack authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package org.actrack;

/**
 * A custom stream: a query an application names once and uses everywhere, the Java counterpart of
 * django-activity-stream's {@code @stream} methods ("Writing Custom Streams"). A bean implementing this interface,
 * qualified with its {@link StreamName}, is found by actrack's CDI extension:
 *
 * <pre>{@code
 * @ApplicationScoped
 * @StreamName("mystream")
 * public class MyStream implements ActionStream {
 *     // def mystream(self, obj, verb='posted', time=None)
 *     public ActionQuery query(Streams streams, Object subject, StreamArguments arguments) {
 *         return streams.actor(subject)
 *                 .verbs(arguments.text("verb", "posted"))
 *                 .until(arguments.instant("time", Instant.now()));
 *     }
 * }
 * }</pre>
 *
 * and is read by its name, from Java ({@code log.streams().named("mystream", member, Map.of("verb", "commented"))})
 * or over HTTP with actrack-rest ({@code GET objects/Member/7/streams/mystream?verb=commented}), where the
 * application's {@code ActionVisibility} decides who may read it as for an object's own stream. Without CDI, the
 * engine's builder takes streams by name.
 *
 * <p>Two streams with one name, a name that is not {@linkplain #isValidName valid}, a stream bean
 * without {@code @StreamName} or a {@code @StreamName} bean that is no stream fail the deployment, naming the classes.
 */
@FunctionalInterface
public interface ActionStream {

    /**
     * What a stream's name may be: 1 to 64 lower-case letters, digits, '-', '_' or '.', starting with a letter or
     * digit.
     */
    String NAME_SYNTAX = "[a-z0-9][a-z0-9._-]{0,63}";

    /**
     * Whether a text is a valid stream name ({@value #NAME_SYNTAX}).
     *
     * @param name the text
     * @return whether it is a valid name
     */
    static boolean isValidName(String name) {
        return name != null && name.matches(NAME_SYNTAX);
    }

    /**
     * The stream's query for a subject. Called once per read; the query it returns accepts further filters and pages
     * by keyset like every other, and a page's cursor is valid for the same stream, subject and arguments.
     *
     * @param streams the built-in streams to start from (or further named streams)
     * @param subject the entity the stream is read for, or an entity class when it is read for a whole type
     *        ({@code GET objects/Member/streams/mystream})
     * @param arguments the reader's arguments: from Java the map given to {@link Streams#named}, over HTTP the
     *        request's query parameters other than those placing the page ({@code cursor}, {@code before},
     *        {@code size}, {@code page}); converted by the stream as it reads them
     * @return the query, never {@code null}
     * @throws ActrackException with {@link ErrorCode#INVALID_STREAM_ARGUMENT} for an argument the stream cannot use;
     *         {@link StreamArguments}' readers throw it for a value of the wrong form
     */
    ActionQuery query(Streams streams, Object subject, StreamArguments arguments);
}
