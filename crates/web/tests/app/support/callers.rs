//! Who is asking, for the permission tables of the pages and the API: the
//! demo accounts and a visitor, and the sets of them a route allows.

use super::{ADMIN, COUNTY, LOCAL_HEBY, LOCAL_SAVJA, OTHER_COUNTY, READER};

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caller {
    /// Nobody logged in.
    Visitor,
    /// System administrator.
    Admin,
    /// County coordinator of Region Uppsala.
    County,
    /// Local coordinator of Sävja familjecentral only.
    LocalSavja,
    /// Local coordinator of the five Heby centres.
    LocalHeby,
    /// Reader of Region Uppsala.
    Reader,
    /// County coordinator of the fictional region "99".
    OtherCounty,
}

use Caller::{Admin, County, LocalHeby, LocalSavja, OtherCounty, Reader, Visitor};

impl Caller {
    /// Every caller, the visitor first.
    pub const ALL: [Caller; 7] = [Visitor, Admin, County, LocalSavja, LocalHeby, Reader, OtherCounty];

    /// The demo account's e-mail and password.
    pub fn account(self) -> Option<(&'static str, &'static str)> {
        match self {
            Visitor => None,
            Admin => Some(ADMIN),
            County => Some(COUNTY),
            LocalSavja => Some(LOCAL_SAVJA),
            LocalHeby => Some(LOCAL_HEBY),
            Reader => Some(READER),
            OtherCounty => Some(OTHER_COUNTY),
        }
    }

    /// A short name, for e-mail addresses made per caller.
    pub fn slug(self) -> &'static str {
        match self {
            Visitor => "visitor",
            Admin => "admin",
            County => "county",
            LocalSavja => "savja",
            LocalHeby => "heby",
            Reader => "reader",
            OtherCounty => "other",
        }
    }
}

/// Every account.
pub const EVERYONE: &[Caller] = &[Admin, County, LocalSavja, LocalHeby, Reader, OtherCounty];
/// Everyone with a grant in Region Uppsala.
pub const VIEW_UPPSALA: &[Caller] = &[Admin, County, LocalSavja, LocalHeby, Reader];
/// Everyone with a grant in the other region.
pub const VIEW_OTHER: &[Caller] = &[Admin, OtherCounty];
/// Who manages Region Uppsala.
pub const MANAGE_UPPSALA: &[Caller] = &[Admin, County];
/// Who manages the other region.
pub const MANAGE_OTHER: &[Caller] = &[Admin, OtherCounty];
/// Who edits Sävja familjecentral.
pub const EDIT_SAVJA: &[Caller] = &[Admin, County, LocalSavja];
/// Who edits a Heby centre.
pub const EDIT_HEBY: &[Caller] = &[Admin, County, LocalHeby];
/// Administrators only.
pub const ADMINS: &[Caller] = &[Admin];
