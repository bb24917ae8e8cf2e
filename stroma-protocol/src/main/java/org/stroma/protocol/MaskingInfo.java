package org.stroma.protocol;

import java.util.List;

/** The masking level and, separately, which parties are masked; blinded roles are derived from the latter. */
public record MaskingInfo(Masking level, List<MaskedParty> whoMasked, String description) {
    public MaskingInfo {
        whoMasked = Lists.copy(whoMasked);
    }

    public boolean isMasked(MaskedParty party) {
        return whoMasked.contains(party);
    }
}
