/** The federated routing study: partition, train local, centralized and federated routers, evaluate. */
package io.fedrouter.experiment;
