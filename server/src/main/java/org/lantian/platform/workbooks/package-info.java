/**
 * The office's Excel workbooks (Apache POI), read and written one way for every module: Chinese headers in a
 * row, cells by header, a size limit, and a bold heading; and every file the platform hands over, with its
 * Chinese name ({@link org.lantian.platform.files.Downloads}). Depends on no other module.
 */
package org.lantian.platform.workbooks;
