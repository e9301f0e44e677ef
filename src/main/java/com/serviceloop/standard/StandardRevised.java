package com.serviceloop.standard;

/**
 * Published when a standard gets a new version, so that what was written from the old wording (job
 * descriptions, say) can be looked at again; listeners hear it only after the revision is committed.
 */
public record StandardRevised(long standardId, int versionNo, String outletType) {
}
