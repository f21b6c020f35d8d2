/* fileio: see include/zongjie/fileio.h. */
#include <config.h>

#include "zongjie/fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "i18n.h"
#include "zongjie/utf8.h"

const char *zj_encoding_name(zj_encoding enc)
{
	switch (enc) {
	case ZJ_ENC_GB18030: return "gb18030";
	case ZJ_ENC_UTF16LE: return "utf-16le";
	case ZJ_ENC_UTF16BE: return "utf-16be";
	case ZJ_ENC_UTF8: break;
	}
	return "utf-8";
}

const char *zj_eol_name(zj_eol eol)
{
	switch (eol) {
	case ZJ_EOL_CRLF: return "crlf";
	case ZJ_EOL_MIXED: return "mixed";
	case ZJ_EOL_LF: break;
	}
	return "lf";
}

bool zj_encoding_parse(const char *name, zj_encoding *enc)
{
	static const struct { const char *name; zj_encoding enc; } names[] = {
		{"utf-8", ZJ_ENC_UTF8}, {"utf8", ZJ_ENC_UTF8},
		{"gb18030", ZJ_ENC_GB18030}, {"gbk", ZJ_ENC_GB18030}, {"gb2312", ZJ_ENC_GB18030},
		{"utf-16le", ZJ_ENC_UTF16LE}, {"utf-16be", ZJ_ENC_UTF16BE},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcasecmp(name, names[i].name)) {
			*enc = names[i].enc;
			return true;
		}
	return false;
}

/* Converts with iconv into a new buffer.  Returns false with the offset of
 * the first byte that does not convert. */
static bool convert(const char *from, const char *to, const char *in, size_t len,
		    char **out, size_t *out_len, size_t *bad_offset)
{
	iconv_t cd = iconv_open(to, from);
	if (cd == (iconv_t)-1) {
		*bad_offset = 0;
		return false;
	}
	size_t cap = len + len / 2 + 16;
	char *buf = zj_xmalloc(cap);
	char *inp = (char *)in;
	size_t inleft = len;
	char *outp = buf;
	size_t outleft = cap;
	bool ok = true;
	while (inleft > 0) {
		size_t r = iconv(cd, &inp, &inleft, &outp, &outleft);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			size_t used = (size_t)(outp - buf);
			cap = cap * 2;
			buf = zj_xrealloc(buf, cap);
			outp = buf + used;
			outleft = cap - used;
			continue;
		}
		ok = false; /* EILSEQ or EINVAL (truncated sequence at the end) */
		*bad_offset = (size_t)(inp - in);
		break;
	}
	iconv_close(cd);
	if (!ok) {
		free(buf);
		return false;
	}
	*out = buf;
	*out_len = (size_t)(outp - buf);
	return true;
}

/* Decides the line-ending style of UTF-8 text and, for uniform CRLF, removes
 * the CR of every CR LF pair in place.  Returns the new length. */
static size_t normalise_eol(char *text, size_t len, zj_eol *eol)
{
	size_t crlf = 0, lf = 0;
	const char *p = text, *end = text + len;
	while ((p = memchr(p, '\n', (size_t)(end - p)))) {
		if (p > text && p[-1] == '\r')
			crlf++;
		else
			lf++;
		p++;
	}
	if (crlf == 0) {
		*eol = ZJ_EOL_LF;
		return len;
	}
	if (lf != 0) {
		*eol = ZJ_EOL_MIXED;
		return len;
	}
	*eol = ZJ_EOL_CRLF;
	size_t w = 0, r = 0;
	while (r < len) {
		const char *nl = memchr(text + r, '\n', len - r);
		size_t stop = nl ? (size_t)(nl - text) : len;
		/* copy [r, stop) except the CR right before the LF */
		size_t n = stop - r;
		if (nl)
			n--;
		memmove(text + w, text + r, n);
		w += n;
		r = stop;
		if (nl) {
			text[w++] = '\n';
			r++;
		}
	}
	text[w] = '\0';
	return w;
}

/* Counts control characters other than whitespace; text with many of them is
 * binary data that merely happens to decode. */
static bool looks_binary(const char *s, size_t len)
{
	size_t controls = 0, i = 0;
	for (; i + 8 <= len; i += 8) {
		/* skip words without a byte below 0x20 (bytes >= 0x80 included) */
		uint64_t w;
		memcpy(&w, s + i, 8);
		uint64_t low = (w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL;
		if (!low)
			continue;
		for (size_t k = i; k < i + 8; k++) {
			unsigned char c = (unsigned char)s[k];
			controls += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' &&
				    c != '\v' && c != 0x1B;
		}
	}
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		controls += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' &&
			    c != '\v' && c != 0x1B;
	}
	return controls > 8 && controls * 100 > len;
}

/* Text that is mostly valid UTF-8 with a few bad bytes is damaged UTF-8
 * (a truncated download, a cut sequence), not GB18030: genuine GB18030
 * Chinese almost never forms valid multi-byte UTF-8 sequences. */
static bool mostly_utf8(const char *s, size_t len)
{
	size_t good = 0, bad = 0;
	for (size_t i = 0; i < len;) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = len - i > 4 ? 4 : len - i;
		size_t v = zj_utf8_valid_prefix(s + i, n);
		if (v > 0) {
			good++;
			i += v;
		} else {
			/* one bad sequence: the lead byte and its stray continuations */
			bad++;
			i++;
			while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
				i++;
		}
	}
	return good > bad;
}

/* Decodes buf (which we own, with one spare byte at the end) and hands back
 * either buf itself or a new buffer. */
static bool decode_owned(char *buf, size_t len, char **text, size_t *text_len,
			 zj_format *fmt, zj_error *err)
{
	const unsigned char *u = (const unsigned char *)buf;
	char *out = NULL;
	size_t out_len = 0, bad = 0;
	fmt->bom = false;
	fmt->eol = ZJ_EOL_LF;

	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
		bool le = u[0] == 0xFF;
		fmt->encoding = le ? ZJ_ENC_UTF16LE : ZJ_ENC_UTF16BE;
		fmt->bom = true;
		if (!convert(le ? "UTF-16LE" : "UTF-16BE", "UTF-8", buf + 2, len - 2,
			     &out, &out_len, &bad)) {
			free(buf);
			return zj_fail(err, _("not a text file (invalid UTF-16 at byte %zu)"),
				       bad + 2);
		}
		free(buf);
		if (memchr(out, '\0', out_len)) {
			free(out);
			return zj_fail(err, _("not a text file (NUL character)"));
		}
	} else {
		size_t start = 0;
		if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
			fmt->bom = true;
			start = 3;
		}
		const char *nul = memchr(buf, '\0', len);
		if (nul) {
			size_t at = (size_t)(nul - buf);
			free(buf);
			return zj_fail(err, _("not a text file (NUL byte at offset %zu)"), at);
		}
		size_t valid = zj_utf8_valid_prefix(buf + start, len - start);
		if (valid == len - start) {
			fmt->encoding = ZJ_ENC_UTF8;
			memmove(buf, buf + start, len - start);
			out = buf;
			out_len = len - start;
		} else if (!fmt->bom && !mostly_utf8(buf, len) &&
			   convert("GB18030", "UTF-8", buf, len, &out, &out_len, &bad)) {
			fmt->encoding = ZJ_ENC_GB18030;
			free(buf);
		} else {
			free(buf);
			return zj_fail(err,
				       _("not a text file (invalid UTF-8 at byte %zu, and not GB18030)"),
				       start + valid);
		}
	}
	if (looks_binary(out, out_len)) {
		free(out);
		return zj_fail(err, _("not a text file (control characters)"));
	}
	out = zj_xrealloc(out, out_len + 1); /* room for the terminating NUL */
	out[out_len] = '\0';
	*text_len = normalise_eol(out, out_len, &fmt->eol);
	*text = out;
	return true;
}

bool zj_decode(const char *bytes, size_t len, char **text, size_t *text_len,
	       zj_format *fmt, zj_error *err)
{
	char *copy = zj_xmalloc(len + 1);
	memcpy(copy, bytes, len);
	return decode_owned(copy, len, text, text_len, fmt, err);
}

size_t zj_eol_unify(char *text, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] != '\r' || i + 1 == len || text[i + 1] != '\n')
			text[w++] = text[i];
	return w;
}

bool zj_encode(const char *text, size_t len, const zj_format *fmt, char **out,
	       size_t *out_len, zj_error *err)
{
	/* Line endings first, in UTF-8, then the character set. */
	char *eol_text = NULL;
	size_t eol_len = len;
	if (fmt->eol == ZJ_EOL_CRLF) {
		size_t lines = 0;
		for (const char *p = text; (p = memchr(p, '\n', len - (size_t)(p - text))); p++)
			lines++;
		eol_text = zj_xmalloc(len + lines + 1);
		size_t w = 0;
		for (size_t i = 0; i < len; i++) {
			if (text[i] == '\n')
				eol_text[w++] = '\r';
			eol_text[w++] = text[i];
		}
		eol_len = w;
	}
	const char *src = eol_text ? eol_text : text;
	if (zj_utf8_valid_prefix(src, eol_len) != eol_len) {
		free(eol_text);
		return zj_fail(err, _("internal error: text is not valid UTF-8"));
	}
	char *body = NULL;
	size_t body_len = 0, bad = 0;
	const char *bom = "";
	size_t bom_len = 0;
	switch (fmt->encoding) {
	case ZJ_ENC_UTF8:
		if (fmt->bom) {
			bom = "\xEF\xBB\xBF";
			bom_len = 3;
		}
		break;
	case ZJ_ENC_GB18030:
	case ZJ_ENC_UTF16LE:
	case ZJ_ENC_UTF16BE: {
		const char *name = fmt->encoding == ZJ_ENC_GB18030 ? "GB18030"
				 : fmt->encoding == ZJ_ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE";
		if (!convert("UTF-8", name, src, eol_len, &body, &body_len, &bad)) {
			free(eol_text);
			return zj_fail(err, _("cannot encode the text as %s (character at byte %zu)"),
				       zj_encoding_name(fmt->encoding), bad);
		}
		if (fmt->bom && fmt->encoding == ZJ_ENC_UTF16LE) {
			bom = "\xFF\xFE";
			bom_len = 2;
		} else if (fmt->bom && fmt->encoding == ZJ_ENC_UTF16BE) {
			bom = "\xFE\xFF";
			bom_len = 2;
		} else if (fmt->bom) {
			bom = "\x84\x31\x95\x33"; /* U+FEFF in GB18030 */
			bom_len = 4;
		}
		break;
	}
	}
	const char *payload = body ? body : src;
	size_t payload_len = body ? body_len : eol_len;
	char *result = zj_xmalloc(bom_len + payload_len + 1);
	memcpy(result, bom, bom_len);
	memcpy(result + bom_len, payload, payload_len);
	result[bom_len + payload_len] = '\0';
	free(body);
	free(eol_text);
	*out = result;
	*out_len = bom_len + payload_len;
	return true;
}

/* The bytes of the regular file path (caller frees), *len their count;
 * NULL with err. */
static char *read_bytes(const char *path, size_t *len_out, zj_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		zj_fail(err, "%s", strerror(errno));
		return NULL;
	}
	struct stat st;
	bool ok = fstat(fd, &st) == 0 || zj_fail(err, "%s", strerror(errno));
	ok = ok && (!S_ISDIR(st.st_mode) || zj_fail(err, "%s", strerror(EISDIR)));
	ok = ok && (S_ISREG(st.st_mode) || zj_fail(err, _("not a regular file")));
	ok = ok && ((size_t)st.st_size <= ZJ_MAX_FILE_SIZE ||
		    zj_fail(err, _("file too large (%lld bytes; the limit is %zu)"),
			    (long long)st.st_size, ZJ_MAX_FILE_SIZE));
	if (!ok) {
		close(fd);
		return NULL;
	}
#ifdef HAVE_POSIX_FADVISE
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	/* One allocation of the file's size, filled by large reads; a file
	 * that grows while being read is read up to the limit. */
	size_t cap = (size_t)st.st_size + 1, len = 0;
	char *buf = zj_xmalloc(cap);
	for (;;) {
		if (len + 1 == cap) {
			if (cap > ZJ_MAX_FILE_SIZE) {
				free(buf);
				close(fd);
				zj_fail(err, _("file too large (still growing while read)"));
				return NULL;
			}
			cap = cap * 2;
			buf = zj_xrealloc(buf, cap);
		}
		size_t want = cap - 1 - len;
		if (want > ((size_t)1 << 30))
			want = (size_t)1 << 30;
		ssize_t n = read(fd, buf + len, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;
			free(buf);
			close(fd);
			zj_fail(err, "%s", strerror(e));
			return NULL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	*len_out = len;
	return buf;
}

bool zj_load_file(const char *path, char **text, size_t *text_len, zj_format *fmt,
		  zj_error *err)
{
	size_t len;
	char *buf = read_bytes(path, &len, err);
	if (!buf)
		return false;
	return decode_owned(buf, len, text, text_len, fmt, err);
}

bool zj_write_all(int fd, const char *bytes, size_t n)
{
	while (n > 0) {
		/* in slices: some systems refuse a single write of 2 GiB or more */
		ssize_t w = write(fd, bytes, n > ((size_t)1 << 30) ? ((size_t)1 << 30) : n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return false;
		if (w == 0) {
			errno = EIO;
			return false;
		}
		bytes += w;
		n -= (size_t)w;
	}
	return true;
}

/* Copies the user.* attributes and the ACL of from onto fd, as far as
 * the file system allows: best effort, like the owner. */
static void copy_xattrs(const char *from, int fd)
{
	ssize_t n = listxattr(from, NULL, 0);
	if (n <= 0)
		return;
	char *names = zj_xmalloc((size_t)n);
	n = listxattr(from, names, (size_t)n);
	for (ssize_t i = 0; i < n; i += (ssize_t)strlen(names + i) + 1) {
		const char *name = names + i;
		if (strncmp(name, "user.", 5) && strcmp(name, "system.posix_acl_access"))
			continue;
		ssize_t vn = getxattr(from, name, NULL, 0);
		if (vn < 0)
			continue;
		char *value = zj_xmalloc((size_t)vn + 1);
		vn = getxattr(from, name, value, (size_t)vn);
		if (vn >= 0)
			(void)fsetxattr(fd, name, value, (size_t)vn, 0);
		free(value);
	}
	free(names);
}

char *zj_xdg_path(zj_xdg_kind kind, const char *sub)
{
	static const struct {
		const char *variable, *below_home;
	} folders[] = {
		[ZJ_XDG_CONFIG] = {"XDG_CONFIG_HOME", ".config"},
		[ZJ_XDG_DATA] = {"XDG_DATA_HOME", ".local/share"},
		[ZJ_XDG_STATE] = {"XDG_STATE_HOME", ".local/state"},
	};
	const char *xdg = getenv(folders[kind].variable), *home = getenv("HOME");
	char *base;
	/* the specification says a relative path is to be ignored */
	if (xdg && *xdg == '/')
		base = zj_xstrdup(xdg);
	else if (home)
		base = zj_xasprintf("%s/%s", home, folders[kind].below_home);
	else
		return NULL;
	char *path = sub ? zj_xasprintf("%s/zongjie/%s", base, sub)
			 : zj_xasprintf("%s/zongjie", base);
	free(base);
	return path;
}

/* Writes bytes into an existing device or FIFO as they are. */
static bool write_into(const char *path, const char *bytes, size_t len, zj_error *err)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return zj_fail(err, "%s", strerror(errno));
	bool ok = zj_write_all(fd, bytes, len);
	int e = errno;
	if (close(fd) < 0 && ok) {
		e = errno;
		ok = false;
	}
	return ok || zj_fail(err, "%s", strerror(e));
}

/* The file a save to path replaces: through a symlink the file it points
 * at, so the link stays; *exists and *st say whether it is there and
 * what it is.  NULL with err for a folder or another kind of file. */
static char *save_target(const char *path, struct stat *st, bool *exists, zj_error *err)
{
	char *target;
	*exists = false;
	if (lstat(path, st) == 0 && S_ISLNK(st->st_mode)) {
		target = realpath(path, NULL);
		if (!target) {
			zj_fail(err, "%s", strerror(errno));
			return NULL;
		}
	} else
		target = zj_xstrdup(path);
	if (stat(target, st) == 0) {
		if (!S_ISREG(st->st_mode)) {
			zj_fail(err, "%s", S_ISDIR(st->st_mode) ? strerror(EISDIR) : _("not a regular file"));
			free(target);
			return NULL;
		}
		*exists = true;
	}
	return target;
}

bool zj_save_atomic(const char *path, const char *bytes, size_t len, zj_error *err)
{
	struct stat st;
	/* a terminal, /dev/null or a pipe (also as /dev/stdout) is written
	 * into: a rename would put a plain file in the device's place */
	if (stat(path, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)))
		return write_into(path, bytes, len, err);
	bool exists;
	char *target = save_target(path, &st, &exists, err);
	if (!target)
		return false;
	char *dir_copy = zj_xstrdup(target), *base_copy = zj_xstrdup(target);
	char *dir = dirname(dir_copy);
	char *tmp = zj_xasprintf("%s/.%s.zongjie-XXXXXX", dir, basename(base_copy));
	bool ok = false;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		zj_fail(err, "%s", strerror(errno));
		goto out;
	}
	mode_t mode;
	if (exists)
		mode = st.st_mode & 07777;
	else {
		mode_t mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (exists && (st.st_uid != getuid() || st.st_gid != getgid()))
		(void)!fchown(fd, st.st_uid, st.st_gid); /* best effort: only root may */
	if (exists)
		copy_xattrs(target, fd);
	if (fchmod(fd, mode) < 0 || !zj_write_all(fd, bytes, len) || fsync(fd) < 0) {
		int e = errno;
		close(fd);
		unlink(tmp);
		zj_fail(err, "%s", strerror(e));
		goto out;
	}
	if (close(fd) < 0) {
		int e = errno;
		unlink(tmp);
		zj_fail(err, "%s", strerror(e));
		goto out;
	}
	if (rename(tmp, target) < 0) {
		int e = errno;
		unlink(tmp);
		zj_fail(err, "%s", strerror(e));
		goto out;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		/* Some file systems refuse fsync on a directory; the rename is
		 * done either way. */
		(void)fsync(dfd);
		close(dfd);
	}
	ok = true;
out:
	free(tmp);
	free(dir_copy);
	free(base_copy);
	free(target);
	return ok;
}

bool zj_save_in_place(const char *path, const char *bytes, size_t len, zj_error *err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return zj_fail(err, "%s", strerror(errno));
	struct stat st;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return zj_fail(err, _("not a regular file"));
	}
	bool ok = zj_write_all(fd, bytes, len) && ftruncate(fd, (off_t)len) == 0 && fsync(fd) == 0;
	int e = errno;
	if (close(fd) < 0 && ok) {
		e = errno;
		ok = false;
	}
	return ok || zj_fail(err, "%s", strerror(e));
}

bool zj_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Writes bytes over path, a file with other hard links, in place so every
 * name sees them; its old bytes are kept beside it (.NAME.zongjie-old)
 * until the write is done, and named if it fails. */
static bool save_linked(const char *path, const char *bytes, size_t n, zj_error *err)
{
	size_t old_len;
	char *old = read_bytes(path, &old_len, err);
	if (!old)
		return false;
	const char *slash = strrchr(path, '/');
	char *copy = zj_xasprintf("%.*s.%s.zongjie-old", slash ? (int)(slash - path + 1) : 0, path,
				  slash ? slash + 1 : path);
	zj_error why = {0};
	bool ok = zj_save_atomic(copy, old, old_len, &why);
	if (!ok)
		zj_fail(err, _("cannot keep a copy before writing in place: %s"), why.message);
	else if (!(ok = zj_save_in_place(path, bytes, n, &why)))
		zj_fail(err, _("%s (its old text is in %s)"), why.message, copy);
	else
		unlink(copy);
	free(copy);
	free(old);
	return ok;
}

bool zj_save_file(const char *path, const char *text, size_t len, const zj_format *fmt,
		  zj_error *err)
{
	char *bytes;
	size_t n;
	if (!zj_encode(text, len, fmt, &bytes, &n, err))
		return false;
	struct stat st;
	bool linked = stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink > 1;
	bool ok = linked ? save_linked(path, bytes, n, err) : zj_save_atomic(path, bytes, n, err);
	free(bytes);
	return ok;
}
