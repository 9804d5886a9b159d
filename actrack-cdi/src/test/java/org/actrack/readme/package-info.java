/**
 * The code of the README and of {@code docs/}, compiled: {@code DocumentationSnippetsTest} checks that every
 * Java block of the documentation appears here, so a snippet that stops compiling fails the build.
 */
package org.actrack.readme;
