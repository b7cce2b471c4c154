#include "text/font_face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>
#include <sys/stat.h>

#include <atomic>

namespace placard {
namespace {
std::atomic<std::uint32_t> next_face_id{1};
}

FileIdentity file_identity(const std::string& path) {
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        return {};
    }
    return FileIdentity{
        static_cast<std::uint64_t>(status.st_dev), static_cast<std::uint64_t>(status.st_ino),
        static_cast<std::uint64_t>(status.st_size),
        static_cast<std::int64_t>(status.st_mtim.tv_sec) * 1'000'000'000 + status.st_mtim.tv_nsec};
}

Result<std::unique_ptr<FontFile>> FontFile::open(FT_LibraryRec_* library, const std::string& path,
                                                 int index) {
    std::unique_ptr<FontFile> file(new FontFile());
    file->path_ = path;
    file->index_ = index;
    file->identity_ = file_identity(path);
    if (FT_New_Face(library, path.c_str(), index, &file->ft_face_) != 0) {
        file->ft_face_ = nullptr;
        return make_error(path + ": FreeType cannot open face " + std::to_string(index));
    }
    hb_blob_t* blob = hb_blob_create_from_file_or_fail(path.c_str());
    if (!blob) {
        return make_error(path + ": HarfBuzz cannot read the file");
    }
    file->hb_face_ = hb_face_create(blob, static_cast<unsigned>(index));
    hb_blob_destroy(blob);
    hb_face_make_immutable(file->hb_face_);
    return file;
}

FontFile::~FontFile() {
    if (hb_face_) {
        hb_face_destroy(hb_face_);
    }
    if (ft_face_) {
        FT_Done_Face(ft_face_);
    }
}

Result<std::unique_ptr<FontFace>> FontFace::create(const FontFile& file, int pixel_size) {
    std::unique_ptr<FontFace> face(new FontFace());
    face->file_ = &file;
    face->pixel_size_ = pixel_size;
    face->id_ = next_face_id.fetch_add(1);
    face->hb_font_ = hb_font_create(file.shaping_face());
    hb_ot_font_set_funcs(face->hb_font_);
    // Positions come back in 1/64 px, FreeType's 26.6 fixed point.
    hb_font_set_scale(face->hb_font_, pixel_size * 64, pixel_size * 64);
    hb_font_make_immutable(face->hb_font_);

    hb_font_extents_t extents{};
    hb_font_get_h_extents(face->hb_font_, &extents);
    face->metrics_.ascender = static_cast<float>(extents.ascender) / 64.0f;
    face->metrics_.descender = static_cast<float>(-extents.descender) / 64.0f;
    face->metrics_.em = static_cast<float>(pixel_size);
    return face;
}

FontFace::~FontFace() {
    if (hb_font_) {
        hb_font_destroy(hb_font_);
    }
}

}  // namespace placard
