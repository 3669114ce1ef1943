/**
 * Documents the office issues and forwards (notices, bulletins), one model rendered one way for every module:
 * the layout of an official document (GB/T 9704) with Chinese typography, in PDF (OpenPDF, embedding the
 * server's CJK fonts). Depends on no other module.
 */
package org.lantian.platform.documents;
