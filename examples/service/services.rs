//! The service layer: business rules and permission checks. Services hold an
//! `Arc<dyn Storage>` (the generated `Arc<dyn UserRepository>` / `Arc<dyn NoteRepository>` and
//! units of work over them), so their unit tests run on memory and production on any SQL
//! backend, with the same code and no HTTP.

use std::any::Any;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use jsonwebtoken::{DecodingKey, EncodingKey, Header, Validation};
use pact::repository::{SqlBackend, Store, UnitRepository};
use pact::{ApplyTo, CursorPage, CursorRequest, Page, PageRequest, RepoError};
use serde::{Deserialize, Serialize};

use super::config::{Config, HashCost, Secret};
use super::domain::{Note, NoteRepository, Role, User, UserRepository};
use super::dto::{NotePatch, NoteRequest, SignupRequest, UserPatch};
use super::errors::ServiceError;

/// A boxed `Send` future, as the generated repository traits return.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// The repositories a service works with: outside a unit, or bound to one.
#[derive(Clone)]
pub struct Repos {
    pub users: Arc<dyn UserRepository>,
    pub notes: Arc<dyn NoteRepository>,
}

/// The work of one unit, type-erased so that [`Storage`] is dyn-compatible; services call the
/// typed `transaction` of `dyn Storage` instead.
pub type UnitWork<'a> = Box<
    dyn FnMut(Repos) -> BoxFuture<'static, Result<Box<dyn Any + Send>, ServiceError>> + Send + 'a,
>;

/// Where the services' data lives, as a trait object: a `pact::repository::Store` on memory or
/// on any SQL pool implements it, so no service is generic over the database.
pub trait Storage: Send + Sync + 'static {
    /// The repositories outside any unit: each call is its own statement.
    fn repos(&self) -> Repos;
    /// Runs `work` as one unit of work (see the typed `transaction` of `dyn Storage`).
    fn run<'a>(
        &'a self,
        work: UnitWork<'a>,
    ) -> BoxFuture<'a, Result<Box<dyn Any + Send>, ServiceError>>;
}

impl<DB: SqlBackend> Storage for Store<DB>
where
    Self: Send + Sync + 'static,
    User: UnitRepository<DB, Dyn = dyn UserRepository>,
    Note: UnitRepository<DB, Dyn = dyn NoteRepository>,
{
    fn repos(&self) -> Repos {
        Repos {
            users: self.repository::<User>(),
            notes: self.repository::<Note>(),
        }
    }

    fn run<'a>(
        &'a self,
        mut work: UnitWork<'a>,
    ) -> BoxFuture<'a, Result<Box<dyn Any + Send>, ServiceError>> {
        Box::pin(self.transaction(move |unit| {
            work(Repos {
                users: unit.repository::<User>(),
                notes: unit.repository::<Note>(),
            })
        }))
    }
}

impl dyn Storage {
    /// Runs `work` as one unit of work: it commits when `work` returns `Ok`, and on `Err` (or
    /// a panic, or a dropped request) nothing it wrote remains. `work` may run more than once
    /// when the database rolled it back for a conflict (see `pact::repository::Store`).
    ///
    /// # Errors
    /// What `work` returned, or the repository's `Busy`/`Backend`.
    pub async fn transaction<T, F, Fut>(&self, mut work: F) -> Result<T, ServiceError>
    where
        T: Send + 'static,
        F: FnMut(Repos) -> Fut + Send,
        Fut: Future<Output = Result<T, ServiceError>> + Send + 'static,
    {
        let out = self
            .run(Box::new(move |repos| {
                let future = work(repos);
                Box::pin(async move {
                    future
                        .await
                        .map(|value| Box::new(value) as Box<dyn Any + Send>)
                })
            }))
            .await?;
        out.downcast::<T>()
            .map(|value| *value)
            .map_err(|_| ServiceError::Internal("a unit of work answered another type".into()))
    }
}

/// The storage for a SQL pool or memory; `Arc<dyn Storage>` is what the services take.
pub fn storage<DB: SqlBackend>(store: Store<DB>) -> Arc<dyn Storage>
where
    Store<DB>: Storage,
{
    Arc::new(store)
}

/// Who is calling: the subject of a verified token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Actor {
    pub user_id: i64,
    pub role: Role,
}

impl Actor {
    /// Whether the caller may change what `owner_id` owns.
    pub fn may_change(self, owner_id: i64) -> bool {
        self.role == Role::Admin || self.user_id == owner_id
    }

    fn require(self, owner_id: i64) -> Result<(), ServiceError> {
        if self.may_change(owner_id) {
            Ok(())
        } else {
            Err(ServiceError::Forbidden)
        }
    }
}

/// The version a write expects, from `If-Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// `If-Match: "3"`: only version 3 may be replaced.
    Version(i64),
    /// `If-Match: *`: whatever is stored.
    Any,
    /// An `If-Match` that names no version this service ever sent: it never matches.
    Never,
}

impl Expected {
    fn check(self, current: i64) -> Result<(), ServiceError> {
        match self {
            Self::Any => Ok(()),
            Self::Version(version) if version == current => Ok(()),
            Self::Version(_) | Self::Never => Err(ServiceError::Stale { current }),
        }
    }
}

/// argon2id hashing, run on the blocking pool so that it never stalls the async workers.
#[derive(Clone)]
pub struct Passwords {
    params: Params,
    /// A hash of nothing in particular, verified when the email is unknown, so that a login
    /// takes as long whether the account exists or not.
    decoy: Arc<str>,
}

impl Passwords {
    /// A hasher with this cost.
    ///
    /// # Errors
    /// Parameters argon2 refuses.
    pub fn new(cost: HashCost) -> Result<Self, ServiceError> {
        let params = Params::new(cost.memory_kib, cost.iterations, cost.parallelism, None)
            .map_err(|err| ServiceError::Internal(format!("argon2 parameters: {err}")))?;
        let decoy = hasher(&params)
            .hash_password(b"decoy password")
            .map_err(|err| ServiceError::Internal(format!("argon2: {err}")))?
            .to_string();
        Ok(Self {
            params,
            decoy: decoy.into(),
        })
    }

    /// The PHC string of `password` with a fresh salt.
    ///
    /// # Errors
    /// `Internal` when hashing fails.
    pub async fn hash(&self, password: String) -> Result<String, ServiceError> {
        let params = self.params.clone();
        tokio::task::spawn_blocking(move || {
            hasher(&params)
                .hash_password(password.as_bytes())
                .map(|hash| hash.to_string())
                .map_err(|err| ServiceError::Internal(format!("argon2: {err}")))
        })
        .await
        .map_err(|err| ServiceError::Internal(format!("hashing task: {err}")))?
    }

    /// Whether `password` matches `hash` (`None`: the decoy, which never matches).
    ///
    /// # Errors
    /// `Internal` when the task fails.
    pub async fn verify(
        &self,
        password: String,
        hash: Option<String>,
    ) -> Result<bool, ServiceError> {
        let params = self.params.clone();
        let known = hash.is_some();
        let hash = hash.unwrap_or_else(|| self.decoy.to_string());
        tokio::task::spawn_blocking(move || {
            known
                && hasher(&params)
                    .verify_password(password.as_bytes(), hash.as_str())
                    .is_ok()
        })
        .await
        .map_err(|err| ServiceError::Internal(format!("verifying task: {err}")))
    }
}

fn hasher(params: &Params) -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone())
}

/// The claims of an access token.
#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: String,
    role: String,
    iat: u64,
    exp: u64,
}

/// Issues and checks HS256 access tokens.
#[derive(Clone)]
pub struct Tokens {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    ttl: Duration,
}

impl Tokens {
    /// Tokens signed with `secret`, valid for `ttl`.
    ///
    /// # Errors
    /// An empty secret.
    pub fn new(secret: &Secret, ttl: Duration) -> Result<Self, ServiceError> {
        let key_error =
            |err: jsonwebtoken::errors::Error| ServiceError::Internal(format!("token key: {err}"));
        let mut validation = Validation::new(jsonwebtoken::Algorithm::HS256);
        validation.leeway = 0;
        validation.set_required_spec_claims(&["exp", "sub"]);
        Ok(Self {
            encoding: EncodingKey::from_secret(secret.expose()).map_err(key_error)?,
            decoding: DecodingKey::from_secret(secret.expose()).map_err(key_error)?,
            validation,
            ttl,
        })
    }

    /// How long a token lives.
    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    /// A token for `user`, issued now.
    ///
    /// # Errors
    /// `Internal` when signing fails.
    pub fn issue(&self, user: &User) -> Result<String, ServiceError> {
        self.issue_at(user.id, user.role(), jsonwebtoken::get_current_timestamp())
    }

    /// A token for `user_id` as if issued at `iat` (seconds since the epoch).
    ///
    /// # Errors
    /// `Internal` when signing fails.
    pub fn issue_at(&self, user_id: i64, role: Role, iat: u64) -> Result<String, ServiceError> {
        let claims = Claims {
            sub: user_id.to_string(),
            role: role.as_str().to_owned(),
            iat,
            exp: iat.saturating_add(self.ttl.as_secs()),
        };
        jsonwebtoken::encode(&Header::default(), &claims, &self.encoding)
            .map_err(|err| ServiceError::Internal(format!("signing: {err}")))
    }

    /// The caller a token names.
    ///
    /// # Errors
    /// `InvalidToken` for a malformed, forged or expired token.
    pub fn verify(&self, token: &str) -> Result<Actor, ServiceError> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| ServiceError::InvalidToken)?;
        let user_id = data
            .claims
            .sub
            .parse()
            .map_err(|_| ServiceError::InvalidToken)?;
        Ok(Actor {
            user_id,
            role: Role::parse(&data.claims.role),
        })
    }
}

/// Sign-up, sign-in and the users resource.
pub struct Users {
    storage: Arc<dyn Storage>,
    passwords: Passwords,
    tokens: Tokens,
    admin_email: Option<String>,
}

impl Users {
    /// The users service over `storage`.
    ///
    /// # Errors
    /// Hashing or token settings that do not work.
    pub fn new(storage: Arc<dyn Storage>, config: &Config) -> Result<Self, ServiceError> {
        Ok(Self {
            storage,
            passwords: Passwords::new(config.hash_cost)?,
            tokens: Tokens::new(&config.token_secret, config.token_ttl)?,
            admin_email: config.admin_email.clone(),
        })
    }

    /// The token service, for the HTTP layer's authentication.
    pub fn tokens(&self) -> &Tokens {
        &self.tokens
    }

    /// Creates the account and its first note in one unit of work: both or neither. The
    /// request is already normalized and validated.
    ///
    /// # Errors
    /// `Conflict` (409) when the email is taken.
    pub async fn signup(&self, request: SignupRequest) -> Result<User, ServiceError> {
        let SignupRequest {
            email,
            name,
            password,
        } = request;
        let password_hash = self.passwords.hash(password).await?;
        let role = if self.admin_email.as_deref() == Some(email.as_str()) {
            Role::Admin
        } else {
            Role::Member
        };
        let user = User {
            id: 0,
            email,
            name,
            password_hash,
            role: role.as_str().to_owned(),
            version: 0,
        };
        let user = self
            .storage
            .transaction(move |repos| {
                let user = user.clone();
                async move {
                    let user = repos.users.insert(user).await?;
                    repos
                        .notes
                        .insert(Note {
                            id: 0,
                            owner_id: user.id,
                            title: "Welcome".into(),
                            body: format!("Hello {}, this is your first note.", user.name),
                            version: 0,
                        })
                        .await?;
                    Ok(user)
                }
            })
            .await?;
        tracing::info!(user_id = user.id, role = role.as_str(), "signed up");
        Ok(user)
    }

    /// A signed token for the account with these credentials.
    ///
    /// # Errors
    /// `InvalidCredentials` (401) for an unknown email or a wrong password alike.
    pub async fn sign_in(
        &self,
        email: &str,
        password: String,
    ) -> Result<(User, String), ServiceError> {
        let user = self.storage.repos().users.find_by_email(email).await?;
        let hash = user.as_ref().map(|user| user.password_hash.clone());
        let matches = self.passwords.verify(password, hash).await?;
        let user = match user {
            Some(user) if matches => user,
            _ => {
                tracing::info!("sign-in refused");
                return Err(ServiceError::InvalidCredentials);
            }
        };
        let token = self.tokens.issue(&user)?;
        tracing::info!(user_id = user.id, "token issued");
        Ok((user, token))
    }

    /// One user. Any signed-in caller may read any user.
    ///
    /// # Errors
    /// `NotFound` (404).
    pub async fn get(&self, _actor: Actor, id: i64) -> Result<User, ServiceError> {
        Ok(self.storage.repos().users.get_by_id(id).await?)
    }

    /// One offset page of users (`?offset=&limit=&sort=name|-name|email|...`).
    ///
    /// # Errors
    /// `InvalidSort` (400) for a sort key outside the whitelist.
    pub async fn list(&self, _actor: Actor, page: PageRequest) -> Result<Page<User>, ServiceError> {
        Ok(self.storage.repos().users.find_all(page).await?)
    }

    /// One keyset page of users (`?after=<cursor>&limit=&sort=`): stable while users sign up,
    /// and as fast on the thousandth page as on the first. Any signed-in caller may list.
    ///
    /// # Errors
    /// `InvalidSort` (400) for a sort key outside the whitelist, `InvalidCursor` (400) for a
    /// cursor this listing did not hand out.
    pub async fn scroll(
        &self,
        _actor: Actor,
        request: CursorRequest,
    ) -> Result<CursorPage<User>, ServiceError> {
        Ok(self
            .storage
            .repos()
            .users
            .find_all_by_cursor(request)
            .await?)
    }

    /// Applies `patch` to user `id` if `expected` names its stored version; only the user or
    /// an admin may.
    ///
    /// # Errors
    /// `NotFound`, `Forbidden` (403), `Stale` (412), `Conflict` (409) for a taken email.
    pub async fn update(
        &self,
        actor: Actor,
        id: i64,
        expected: Expected,
        patch: UserPatch,
    ) -> Result<User, ServiceError> {
        let users = self.storage.repos().users;
        let mut user = users.get_by_id(id).await?;
        actor.require(user.id)?;
        expected.check(user.version)?;
        let password = patch.password.clone();
        let changes = patch.apply_to(&mut user);
        if let Some(password) = password {
            user.password_hash = self.passwords.hash(password).await?;
        }
        let updated = users
            .update(user)
            .await
            .map_err(|err| stale(err, "User", id))?;
        tracing::info!(user_id = id, changed = changes.len(), "user updated");
        Ok(updated)
    }

    /// Deletes user `id` and every note they own, in one unit of work.
    ///
    /// # Errors
    /// `NotFound`, `Forbidden`, `Stale`.
    pub async fn delete(
        &self,
        actor: Actor,
        id: i64,
        expected: Expected,
    ) -> Result<(), ServiceError> {
        let user = self.storage.repos().users.get_by_id(id).await?;
        actor.require(user.id)?;
        expected.check(user.version)?;
        self.storage
            .transaction(move |repos| async move {
                loop {
                    let page = repos
                        .notes
                        .find_all_by_owner_id(id, PageRequest::first(100))
                        .await?;
                    if page.items.is_empty() {
                        break;
                    }
                    for note in page.items {
                        repos.notes.delete_by_id(note.id).await?;
                    }
                }
                if !repos.users.delete_by_id(id).await? {
                    return Err(not_found("User", id));
                }
                Ok(())
            })
            .await?;
        tracing::info!(user_id = id, "user deleted");
        Ok(())
    }
}

/// The notes resource: every note belongs to a user; its owner or an admin may change it.
pub struct Notes {
    storage: Arc<dyn Storage>,
}

impl Notes {
    /// The notes service over `storage`.
    pub fn new(storage: Arc<dyn Storage>) -> Self {
        Self { storage }
    }

    /// A new note of user `owner_id`.
    ///
    /// # Errors
    /// `NotFound` (no such user), `Forbidden`.
    pub async fn create(
        &self,
        actor: Actor,
        owner_id: i64,
        request: NoteRequest,
    ) -> Result<Note, ServiceError> {
        actor.require(owner_id)?;
        let repos = self.storage.repos();
        if !repos.users.exists(owner_id).await? {
            return Err(not_found("User", owner_id));
        }
        let mut note = Note::from(request);
        note.owner_id = owner_id;
        let note = repos.notes.insert(note).await?;
        tracing::info!(note_id = note.id, owner_id, "note created");
        Ok(note)
    }

    /// One note; only its owner or an admin may read it.
    ///
    /// # Errors
    /// `NotFound`, `Forbidden`.
    pub async fn get(&self, actor: Actor, id: i64) -> Result<Note, ServiceError> {
        let note = self.storage.repos().notes.get_by_id(id).await?;
        actor.require(note.owner_id)?;
        Ok(note)
    }

    /// A page of user `owner_id`'s notes; only the owner or an admin may read them.
    ///
    /// # Errors
    /// `Forbidden`, `InvalidSort`.
    pub async fn list(
        &self,
        actor: Actor,
        owner_id: i64,
        page: PageRequest,
    ) -> Result<Page<Note>, ServiceError> {
        actor.require(owner_id)?;
        Ok(self
            .storage
            .repos()
            .notes
            .find_all_by_owner_id(owner_id, page)
            .await?)
    }

    /// Applies `patch` to note `id` if `expected` names its stored version.
    ///
    /// # Errors
    /// `NotFound`, `Forbidden`, `Stale`.
    pub async fn update(
        &self,
        actor: Actor,
        id: i64,
        expected: Expected,
        patch: NotePatch,
    ) -> Result<Note, ServiceError> {
        let notes = self.storage.repos().notes;
        let mut note = notes.get_by_id(id).await?;
        actor.require(note.owner_id)?;
        expected.check(note.version)?;
        patch.apply_to(&mut note);
        notes
            .update(note)
            .await
            .map_err(|err| stale(err, "Note", id))
    }

    /// Deletes note `id`.
    ///
    /// # Errors
    /// `NotFound`, `Forbidden`, `Stale`.
    pub async fn delete(
        &self,
        actor: Actor,
        id: i64,
        expected: Expected,
    ) -> Result<(), ServiceError> {
        let notes = self.storage.repos().notes;
        let note = notes.get_by_id(id).await?;
        actor.require(note.owner_id)?;
        expected.check(note.version)?;
        if notes.delete_by_id(id).await? {
            Ok(())
        } else {
            Err(not_found("Note", id))
        }
    }
}

fn not_found(entity: &'static str, id: i64) -> ServiceError {
    RepoError::NotFound {
        entity,
        id: id.to_string(),
    }
    .into()
}

/// A version conflict that `update` met after the check (another writer won the race) is a
/// stale `If-Match` too; a row deleted meanwhile is not found.
fn stale(err: RepoError, entity: &'static str, id: i64) -> ServiceError {
    match err {
        RepoError::VersionConflict {
            current: Some(current),
            ..
        } => ServiceError::Stale { current },
        RepoError::VersionConflict { current: None, .. } => not_found(entity, id),
        other => other.into(),
    }
}
