/**
 * Files received and handed over, one way for every module: evidence (photos, scans) checked by what its
 * bytes are, never by what the client says, with its size and name limited ({@link org.lantian.platform.files.EvidenceFiles});
 * and downloads with their type and Chinese name ({@link org.lantian.platform.files.Downloads}). Depends on no
 * other module.
 */
package org.lantian.platform.files;
