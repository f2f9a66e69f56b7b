import type { Rng } from './rng.js';

/**
 * Name pools for made-up people. Names are drawn at random and combined, so any match with a real
 * person is a coincidence; every file that uses them has basis `synthetic`.
 */
const POOLS = {
  slavic: {
    first: [
      'Artyom',
      'Denis',
      'Kirill',
      'Maxim',
      'Oleg',
      'Pavel',
      'Roman',
      'Timur',
      'Anna',
      'Daria',
      'Irina',
      'Kseniya',
      'Polina',
      'Yulia',
      'Vera',
      'Nikita',
    ],
    last: [
      'Belov',
      'Zorin',
      'Lapin',
      'Kotov',
      'Gusev',
      'Frolov',
      'Titov',
      'Orlov',
      'Mukhin',
      'Sedov',
      'Zuev',
      'Rybakov',
      'Shilov',
      'Panin',
    ],
  },
  central: {
    first: [
      'Aibek',
      'Dilnoza',
      'Bakhrom',
      'Madina',
      'Nurlan',
      'Saule',
      'Timur',
      'Zarina',
      'Rustam',
      'Aigerim',
      'Ulan',
      'Kamila',
    ],
    last: [
      'Abdullaev',
      'Tashkentov',
      'Nurmatov',
      'Seitkali',
      'Jumabaev',
      'Kasymov',
      'Ismailova',
      'Rakhimov',
      'Sultanov',
    ],
  },
  caucasus: {
    first: ['Aram', 'Davit', 'Giorgi', 'Levan', 'Mariam', 'Nino', 'Tigran', 'Ani', 'Sona', 'Irakli'],
    last: ['Hakobyan', 'Beridze', 'Kapanadze', 'Sargsyan', 'Lomidze', 'Grigoryan', 'Tsiklauri', 'Avetisyan'],
  },
  south: {
    first: ['Arjun', 'Priya', 'Rahul', 'Sneha', 'Vikram', 'Anjali', 'Imran', 'Farah', 'Kabir', 'Meera'],
    last: ['Sharma', 'Iyer', 'Khan', 'Nair', 'Mehta', 'Qureshi', 'Reddy', 'Bhat'],
  },
  west: {
    first: [
      'Lukas',
      'Emma',
      'Jonas',
      'Sofia',
      'Matteo',
      'Chloe',
      'Liam',
      'Olivia',
      'Noah',
      'Mia',
      'Hugo',
      'Elena',
      'Jan',
      'Eva',
      'Lars',
      'Ingrid',
      'Pedro',
      'Ines',
      'Tom',
      'Julia',
    ],
    last: [
      'Keller',
      'Brenner',
      'Moreau',
      'Rossi',
      'Garcia',
      'Jansen',
      'Novak',
      'Lindqvist',
      'Walsh',
      'Fischer',
      'Dubois',
      'Silva',
      'Bakker',
      'Kowalski',
      'Hansen',
      'Murphy',
      'Weber',
      'Conti',
    ],
  },
  east: {
    first: ['Haruto', 'Yuki', 'Minjun', 'Seoyeon', 'Wei', 'Mei', 'Hiroshi', 'Jiwoo', 'Kenji', 'Sakura'],
    last: ['Sato', 'Tanaka', 'Kim', 'Park', 'Chen', 'Lee', 'Nakamura', 'Choi', 'Wong'],
  },
  african: {
    first: ['Chinedu', 'Amara', 'Kwame', 'Ngozi', 'Tunde', 'Zainab', 'Kofi', 'Ayo'],
    last: ['Okafor', 'Mensah', 'Adeyemi', 'Boateng', 'Eze', 'Owusu', 'Balogun'],
  },
  arabic: {
    first: ['Omar', 'Layla', 'Yusuf', 'Noor', 'Karim', 'Salma', 'Tariq', 'Huda'],
    last: ['Haddad', 'Nasser', 'Khalil', 'Saleh', 'Mansour', 'Aziz'],
  },
} as const;

type Pool = keyof typeof POOLS;

const POOL_BY_COUNTRY: Readonly<Record<string, Pool>> = {
  RU: 'slavic',
  BY: 'slavic',
  UA: 'slavic',
  KZ: 'central',
  UZ: 'central',
  KG: 'central',
  TJ: 'central',
  AM: 'caucasus',
  GE: 'caucasus',
  AZ: 'caucasus',
  IN: 'south',
  PK: 'south',
  LK: 'south',
  JP: 'east',
  KR: 'east',
  SG: 'east',
  HK: 'east',
  NG: 'african',
  GH: 'african',
  ZA: 'african',
  AE: 'arabic',
  IL: 'arabic',
  EG: 'arabic',
  TR: 'arabic',
};

export function personName(rng: Rng, country: string): string {
  const pool = POOLS[POOL_BY_COUNTRY[country] ?? 'west'];
  return `${rng.pick(pool.first)} ${rng.pick(pool.last)}`;
}

/** First name only: the "work name" a caller uses on the phone. */
export function workName(rng: Rng): string {
  return rng.pick(['Michael', 'Daniel', 'Robert', 'Thomas', 'Sarah', 'Laura', 'Alex', 'Chris', 'Victoria', 'Eric']);
}
