/** Evaluation data: the in-memory dataset and the readers for the wide (RouterBench) and long (evaluation-log) formats. */
package io.fedrouter.data;
