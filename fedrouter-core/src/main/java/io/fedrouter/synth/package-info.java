/** The seeded synthetic benchmark of RouterBench-like worlds. */
package io.fedrouter.synth;
