/*
 * noise: model-site debris in a downloaded text (download buttons, paging,
 * pay-wall markers, site banners).  The checker's site-noise rule reports
 * these lines and export --strip-noise removes them.
 *
 * Debris is a line holding a mark no summary writes (上传人：, 免责声明,
 * 如有侵权, 上一篇：, 下载此文档, ##paidbegin##…), a 第1页/共14页 pager, or
 * a run of link words: a line with a site's word (点击下载 范文 扫码
 * www.…, or two words such as 下载 分享 举报 来源 更多 欢迎 收藏) that is
 * neither a sentence (no 。) nor a heading and keeps at most six other
 * Chinese characters once the link words are taken out, or that has a
 * site's word and a row of links (相关推荐：甲 | 乙 | 丙).  So 点击下载完整版文档 is debris, and 开通投诉举报热线，全年
 * 受理投诉举报420件 is not.
 */
#ifndef ZONGJIE_NOISE_H
#define ZONGJIE_NOISE_H

#include <stdbool.h>
#include <stddef.h>

/* True when the line (no LF) is model-site debris. */
bool zj_is_noise_line(const char *line, size_t len);

#endif
