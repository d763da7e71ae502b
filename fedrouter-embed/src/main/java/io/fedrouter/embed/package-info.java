/** Sentence-embedding models shipped in Maven artifacts, long-prompt coverage and the on-disk embedding cache. */
package io.fedrouter.embed;
