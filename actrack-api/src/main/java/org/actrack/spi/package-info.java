/**
 * What integrators replace: how actrack obtains its entity managers. Types here are stable; new
 * methods come with default implementations.
 */
package org.actrack.spi;
