/** Routers, the routing rule and the registry of router families. */
package io.fedrouter.router;
