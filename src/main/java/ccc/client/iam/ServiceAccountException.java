package ccc.client.iam;

import ccc.CccException;

/**
 * No service account has the display name a connector names, or more than one does: a missing
 * prerequisite of the connector, not a failure of the API (which is an {@link ccc.client.ApiException}).
 */
public final class ServiceAccountException extends CccException {

    public ServiceAccountException(String message) {
        super(message);
    }
}
