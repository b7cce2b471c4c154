#include "content/feed_signing.hpp"

namespace placard {

Result<std::string> feed_signature_file(std::vector<TarEntry> files, const SigningKey& key,
                                        SigningTerms terms) {
    terms.kind = SignedKind::Feed;
    auto signed_files = sign_bundle_files(std::move(files), key, terms);
    if (!signed_files) {
        return signed_files.error();
    }
    // [MANIFEST, MANIFEST.sig, …]: the signature line first, then the manifest.
    return (*signed_files)[1].data + (*signed_files)[0].data;
}

}  // namespace placard
